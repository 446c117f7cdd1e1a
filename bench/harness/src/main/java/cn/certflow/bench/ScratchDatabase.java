package cn.certflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for one run on the machine's PostgreSQL (trust authentication,
 * user postgres): created at the start, dropped at the end, even when the run fails.
 */
final class ScratchDatabase implements AutoCloseable {

	private final String server;

	private final String user;

	final String name;

	private boolean keep;

	private ScratchDatabase(String server, String user, String name) {
		this.server = server;
		this.user = user;
		this.name = name;
	}

	/** {@code server} like {@code jdbc:postgresql://127.0.0.1:5432/}. */
	static ScratchDatabase create(String server, String user) throws SQLException {
		String name = "certflow_bench_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
		ScratchDatabase db = new ScratchDatabase(server, user, name);
		db.admin("create database " + name + " encoding 'UTF8' template template0");
		return db;
	}

	String url() {
		return this.server + this.name;
	}

	String user() {
		return this.user;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), this.user, "");
	}

	private void admin(String sql) throws SQLException {
		try (Connection c = DriverManager.getConnection(this.server + "postgres", this.user, "");
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
	}

	/**
	 * Fresh planner statistics (and visibility map), as autovacuum keeps them on a
	 * database that grew over months: called after each bulk setup (SQL copies, thousands
	 * of instances started at once) and before measuring. Without it the planner works
	 * from the statistics of a nearly empty database (e.g. estimates 193 rows for 500,000
	 * with {@code task_id_ is null} and reads an index of the whole table to load one
	 * execution's variables, 45 ms per load: the timers ran at 46/s instead of ~160/s on
	 * this machine, whose PostgreSQL has autovacuum off).
	 */
	void analyze() throws SQLException {
		try (Connection c = connect(); Statement s = c.createStatement()) {
			s.execute("vacuum analyze");
		}
	}

	/**
	 * The server settings that shape the figures, for the report: those
	 * docs/OPERATIONS.md ("PostgreSQL server settings") recommends for production.
	 */
	String settings() throws SQLException {
		StringBuilder text = new StringBuilder();
		try (Connection c = connect();
				Statement s = c.createStatement();
				var rs = s.executeQuery("select name, setting, unit from pg_settings where name in ('server_version',"
						+ " 'autovacuum', 'shared_buffers', 'synchronous_commit', 'fsync', 'max_connections',"
						+ " 'effective_cache_size', 'work_mem', 'maintenance_work_mem', 'random_page_cost', 'max_wal_size',"
						+ " 'jit', 'shared_preload_libraries') order by name")) {
			while (rs.next()) {
				String unit = rs.getString(3);
				String value = rs.getString(2);
				if ("8kB".equals(unit)) {
					value = (Long.parseLong(value) * 8 / 1024) + " MB";
				}
				else if ("kB".equals(unit) || "MB".equals(unit)) {
					long kilobytes = Long.parseLong(value) * ("MB".equals(unit) ? 1024 : 1);
					value = (kilobytes >= 1024) ? (kilobytes / 1024) + " MB" : kilobytes + " kB";
				}
				text.append(text.isEmpty() ? "" : ", ").append(rs.getString(1)).append(' ').append(value);
			}
		}
		return text.toString();
	}

	void keep(boolean keep) {
		this.keep = keep;
	}

	@Override
	public void close() throws SQLException {
		if (this.keep) {
			System.out.println("[bench] kept database " + this.name);
			return;
		}
		// (force) ends a second node or a leftover pool connection that still holds the
		// database
		admin("drop database if exists " + this.name + " with (force)");
	}

}
