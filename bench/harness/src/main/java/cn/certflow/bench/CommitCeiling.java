package cn.certflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ceiling an engine step cannot beat: transactions per second of this PostgreSQL when
 * each transaction inserts one row and commits (JDBC, the driver and network path the
 * engine uses, synchronous commit as configured on the server), with 1..n threads each on
 * its own connection.
 */
final class CommitCeiling {

	record Rate(int threads, double perSecond, double p50Millis, double p99Millis) {
	}

	private final ScratchDatabase db;

	CommitCeiling(ScratchDatabase db) throws SQLException {
		this.db = db;
		try (Connection c = db.connect(); Statement s = c.createStatement()) {
			// a schema of its own: Flyway must find the application's schema empty, else
			// it baselines and skips V1
			s.execute("create schema if not exists bench");
			s.execute("create table if not exists bench.commit_ceiling (id bigserial primary key, thread int not null,"
					+ " at timestamptz not null default now())");
		}
	}

	Rate measure(int threads, Duration warmUp, Duration measure) throws Exception {
		run(threads, warmUp, null);
		Latencies latencies = new Latencies();
		long commits = run(threads, measure, latencies);
		return new Rate(threads, commits / (measure.toNanos() / 1e9), latencies.p50(), latencies.p99());
	}

	private long run(int threads, Duration duration, Latencies latencies) throws Exception {
		AtomicBoolean stop = new AtomicBoolean();
		LongAdder commits = new LongAdder();
		List<Thread> workers = new ArrayList<>();
		List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread worker = new Thread(() -> {
				try (Connection c = this.db.connect();
						PreparedStatement insert = c
							.prepareStatement("insert into bench.commit_ceiling (thread) values (?)")) {
					c.setAutoCommit(false);
					while (!stop.get()) {
						long start = System.nanoTime();
						insert.setInt(1, thread);
						insert.executeUpdate();
						c.commit();
						if (latencies != null) {
							latencies.record(System.nanoTime() - start);
						}
						commits.increment();
					}
				}
				catch (Exception ex) {
					failures.add(ex);
				}
			}, "commit-ceiling-" + t);
			workers.add(worker);
		}
		workers.forEach(Thread::start);
		Thread.sleep(duration.toMillis());
		stop.set(true);
		for (Thread worker : workers) {
			worker.join();
		}
		if (!failures.isEmpty()) {
			throw failures.get(0);
		}
		return commits.sum();
	}

}
