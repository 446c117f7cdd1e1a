package cn.certflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import cn.certflow.application.CertificationDriver;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * N complete initial certifications with 1..n worker threads, each thread running
 * certifications one after another (as that many staff would), on PostgreSQL. Checks that
 * every one ended with its certificate.
 */
final class LifecycleBenchmark {

	record Result(int threads, int lifecycles, double seconds, CommitCounter.Snapshot commits, Lifecycle timings,
			double jvmCpuSeconds, double databaseCpuSeconds) {

		/**
		 * CPU milliseconds per writing transaction: [this JVM, the PostgreSQL backends].
		 */
		double[] cpuPerStep() {
			return new double[] { 1000 * this.jvmCpuSeconds / this.commits.writes(),
					1000 * this.databaseCpuSeconds / this.commits.writes() };
		}

		double perSecond() {
			return this.lifecycles / this.seconds;
		}

		double writesPerLifecycle() {
			return (double) this.commits.writes() / this.lifecycles;
		}

		double readsPerLifecycle() {
			return (double) this.commits.reads() / this.lifecycles;
		}

		double autoCommitWritesPerLifecycle() {
			return (double) this.commits.autoCommitWrites() / this.lifecycles;
		}

		/** Writing transactions (engine steps and our own writes) per second. */
		double stepsPerSecond() {
			return this.commits.writes() / this.seconds;
		}

	}

	private final BenchApplication app;

	private final PostgresCpu postgres;

	LifecycleBenchmark(BenchApplication app, PostgresCpu postgres) {
		this.app = app;
		this.postgres = postgres;
	}

	Result run(int threads, int lifecycles, int warmUp) throws InterruptedException {
		if (warmUp > 0) {
			measure(threads, warmUp);
		}
		return measure(threads, lifecycles);
	}

	Result measure(int threads, int lifecycles) throws InterruptedException {
		return measure(threads, lifecycles, null);
	}

	/** As {@link #measure(int, int)}, recording what each completion costs if asked. */
	Result measure(int threads, int lifecycles, StepCosts costs) throws InterruptedException {
		Lifecycle lifecycle = new Lifecycle(this.app.bean(CertificationDriver.class), this.app.bean(TaskService.class),
				costs);
		AtomicInteger remaining = new AtomicInteger(lifecycles);
		ConcurrentLinkedQueue<String> numbers = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			workers.add(new Thread(() -> {
				while (remaining.getAndDecrement() > 0 && failures.isEmpty()) {
					try {
						numbers.add(lifecycle.run(0));
					}
					catch (Throwable ex) {
						failures.add(ex);
					}
				}
			}, "lifecycle-" + t));
		}
		CommitCounter.Snapshot before = CommitCounter.snapshot();
		long jvmBefore = Machine.processCpuNanos();
		double databaseBefore = this.postgres.seconds();
		long start = System.nanoTime();
		workers.forEach(Thread::start);
		for (Thread worker : workers) {
			worker.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		CommitCounter.Snapshot commits = CommitCounter.snapshot().minus(before);
		double jvmCpu = (Machine.processCpuNanos() - jvmBefore) / 1e9;
		double databaseCpu = this.postgres.seconds() - databaseBefore;
		if (!failures.isEmpty()) {
			throw new IllegalStateException("a certification failed", failures.peek());
		}
		int certified = this.app.bean(JdbcClient.class)
			.sql("select count(*) from certificate c join application a on a.id = c.application_id"
					+ " where a.number = any(?)")
			.param(numbers.toArray(String[]::new))
			.query(Integer.class)
			.single();
		if (certified != lifecycles) {
			throw new IllegalStateException(certified + " of " + lifecycles + " certifications issued a certificate");
		}
		return new Result(threads, lifecycles, seconds, commits, lifecycle, jvmCpu, databaseCpu);
	}

}
