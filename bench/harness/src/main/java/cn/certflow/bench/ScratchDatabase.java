package cn.certflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for one run on the machine's PostgreSQL (trust authentication, user postgres): created at the
 * start, dropped at the end, even when the run fails.
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

	void keep(boolean keep) {
		this.keep = keep;
	}

	@Override
	public void close() throws SQLException {
		if (this.keep) {
			System.out.println("[bench] kept database " + this.name);
			return;
		}
		// (force) ends a second node or a leftover pool connection that still holds the database
		admin("drop database if exists " + this.name + " with (force)");
	}

}
