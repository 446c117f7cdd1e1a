package cn.certflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * CPU time of the PostgreSQL backends serving the scratch database (from /proc; the
 * server is on this machine), so that other databases on the same server do not count.
 * Background processes (WAL writer, checkpointer) are left out. Every backend seen keeps
 * its last reading after it exits (a pool retires its connections after 30 minutes), so a
 * difference of two readings is the work done in between, never negative (at most the
 * work of an exiting backend since the previous reading is lost).
 */
final class PostgresCpu implements AutoCloseable {

	private static final double TICKS_PER_SECOND = 100.0;

	private final ScratchDatabase db;

	private final Connection monitor;

	/** Last CPU ticks read per backend pid. */
	private final java.util.Map<Long, Long> seen = new java.util.HashMap<>();

	/** Ticks of backends whose pid was taken by a new backend. */
	private long retired;

	PostgresCpu(ScratchDatabase db) throws SQLException {
		this.db = db;
		this.monitor = db.connect();
	}

	/**
	 * CPU seconds used so far by the backends connected to the scratch database (now or
	 * at an earlier reading).
	 */
	synchronized double seconds() {
		try (PreparedStatement s = this.monitor.prepareStatement(
				"select pid from pg_stat_activity where datname = ? and backend_type = 'client backend'")) {
			s.setString(1, this.db.name);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					long pid = rs.getLong(1);
					long now = ticks(pid);
					Long before = this.seen.put(pid, now);
					if (before != null && now < before) {
						this.retired += before; // a new backend with the pid of one that
												// exited
					}
				}
			}
		}
		catch (SQLException ex) {
			return Double.NaN;
		}
		long ticks = this.retired;
		for (long t : this.seen.values()) {
			ticks += t;
		}
		return ticks / TICKS_PER_SECOND;
	}

	/** utime + stime of a process, 0 when it is gone or unreadable. */
	private static long ticks(long pid) {
		try {
			String line = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// fields after the command name (which may contain spaces): state(3) ...
			// utime(14) stime(15)
			String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	@Override
	public void close() throws SQLException {
		this.monitor.close();
	}

}
