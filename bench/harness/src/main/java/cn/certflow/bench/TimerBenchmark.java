package cn.certflow.bench;

import static cn.certflow.bench.Report.f;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import cn.certflow.application.ApplicationService;
import cn.certflow.application.CertificationDriver;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timers at scale: N applications whose review-overdue timer ({@code BoundaryEvent_ReviewOverdue}, R-APP-2) is due,
 * fired by the job executor of one node, then N more by two nodes (two JVMs, one database). The applications are
 * submitted with the engine clock set back review-days + 1, so every timer is already due; job executors are stopped
 * while they are created and started together. A smaller round fired by both nodes first warms up the second JVM.
 * Finished when none of the batch's timers is left; then checked: one escalation record and one overdue-review task
 * per application, no incident.
 */
final class TimerBenchmark {

	record Result(int nodes, int timers, int executorThreads, double seconds, int duplicates, int missed, int incidents,
			long optimisticLocking, long acquisitionFailures, double engineCpuSeconds, double databaseCpuSeconds) {

		double perSecond() {
			return this.timers / this.seconds;
		}

		String cpuPerJob() {
			return f("engine %.2f ms, PostgreSQL %.2f ms", this.engineCpuSeconds * 1000 / this.timers,
					this.databaseCpuSeconds * 1000 / this.timers);
		}

		double databaseBusyPercent() {
			return 100 * this.databaseCpuSeconds / this.seconds;
		}

		double enginesBusyPercent() {
			return 100 * this.engineCpuSeconds / this.seconds;
		}

	}

	private final BenchApplication app;

	private final ScratchDatabase db;

	private final Options options;

	/** The batch's timers fell due a day ago; timers of other open applications are not due. */
	private static final String DUE = "select count(*) from act_ru_job where handler_type_ = 'timer-transition'"
			+ " and duedate_ < now() - interval '1 hour'";

	/** One connection for polling and checks, so that polling does not start a backend every 100 ms. */
	private Connection monitor;

	TimerBenchmark(BenchApplication app, ScratchDatabase db, Options options) {
		this.app = app;
		this.db = db;
		this.options = options;
	}

	Result[] run() throws Exception {
		BenchApplication app = this.app;
		try (Connection monitor = this.db.connect(); PostgresCpu postgres = new PostgresCpu(this.db)) {
			this.monitor = monitor;
			// timers other scenarios left due (overdue open applications of the growth scenario) fire first
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (count(DUE) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(500);
			}
			app.jobExecutor().shutdown();
			System.out.println("[bench] timers: starting the second node");
			try (SecondNode second = SecondNode.start(this.db, this.options.properties, Path.of("target", "node2.log"))) {
				int warmUp = Math.max(50, this.options.timers / 10);
				fire(app, second, submitOverdue(app, warmUp), postgres, 2);
				List<String> first = submitOverdue(app, this.options.timers);
				Result one = fire(app, null, first, postgres, 1);
				System.out.printf("[bench] timers, one node: %,d in %.1f s = %.0f/s, %s, OLE %d, acquisition failures %d%n",
						one.timers(), one.seconds(), one.perSecond(), one.cpuPerJob(), one.optimisticLocking(),
						one.acquisitionFailures());
				List<String> again = submitOverdue(app, this.options.timers);
				Result two = fire(app, second, again, postgres, 2);
				System.out.printf(
						"[bench] timers, two nodes: %,d in %.1f s = %.0f/s, %s, OLE %d, acquisition failures %d%n",
						two.timers(), two.seconds(), two.perSecond(), two.cpuPerJob(), two.optimisticLocking(),
						two.acquisitionFailures());
				return new Result[] { one, two };
			}
			finally {
				app.jobExecutor().start();
			}
		}
	}

	/** Submits n applications received review-days + 1 ago: their review-overdue timers are due now. */
	private List<String> submitOverdue(BenchApplication app, int n) {
		int reviewDays = app.context.getEnvironment().getProperty("certflow.application-review-days", Integer.class, 10);
		ApplicationService applications = app.bean(ApplicationService.class);
		TransactionTemplate transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
		List<String> numbers = new ArrayList<>();
		long start = System.nanoTime();
		ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(reviewDays + 1))));
		try {
			while (numbers.size() < n) {
				int batch = Math.min(100, n - numbers.size());
				numbers.addAll(transaction.execute(status -> {
					List<String> created = new ArrayList<>();
					for (int i = 0; i < batch; i++) {
						created.add(applications.submit(CertificationDriver.request("PCEC", 3, 80)));
					}
					return created;
				}));
			}
		}
		finally {
			ClockUtil.reset();
		}
		System.out.printf("[bench] timers: %,d overdue applications submitted in %.1f s%n", n,
				(System.nanoTime() - start) / 1e9);
		return numbers;
	}

	private Result fire(BenchApplication app, SecondNode second, List<String> numbers, PostgresCpu postgres, int nodes)
			throws Exception {
		int tasksBefore = count("select count(*) from act_ru_task where task_def_key_ = 'Task_HandleOverdueReview'");
		String remainingSql = DUE;
		if (count(remainingSql) != numbers.size()) {
			throw new IllegalStateException("expected " + numbers.size() + " due timers, found " + count(remainingSql));
		}
		Node.JobCounters localBefore = Node.JobCounters.of(app);
		double databaseBefore = postgres.seconds();
		long start = System.nanoTime();
		if (second != null) {
			second.startJobExecutor();
		}
		app.jobExecutor().start();
		if (second != null) {
			second.awaitStarted();
		}
		long deadline = start + Duration.ofMinutes(15).toNanos();
		int remaining;
		do {
			Thread.sleep(100);
			remaining = count(remainingSql);
		}
		while (remaining > 0 && System.nanoTime() < deadline);
		double seconds = (System.nanoTime() - start) / 1e9;
		double databaseCpu = postgres.seconds() - databaseBefore;
		Node.JobCounters counters = Node.JobCounters.of(app).minus(localBefore);
		if (second != null) {
			counters = counters.plus(second.stats());
		}
		app.jobExecutor().shutdown();
		if (second != null) {
			second.holdJobExecutor();
		}

		int[] escalations = escalations(numbers);
		int tasks = count("select count(*) from act_ru_task where task_def_key_ = 'Task_HandleOverdueReview'")
				- tasksBefore;
		int duplicates = escalations[0] + Math.max(0, tasks - numbers.size());
		int missed = numbers.size() - escalations[1];
		int incidents = count("select count(*) from act_ru_incident");
		int threads = app.context.getEnvironment().getProperty("camunda.bpm.job-execution.core-pool-size", Integer.class, 3);
		return new Result(nodes, numbers.size(), threads * nodes, seconds, duplicates, missed, incidents,
				counters.optimisticLocking(), counters.acquisitionFailures(), counters.cpuNanos() / 1e9, databaseCpu);
	}

	/** [applications with more than one escalation, applications with at least one]. */
	private int[] escalations(List<String> numbers) throws SQLException {
		Connection c = this.monitor;
		try (PreparedStatement s = c.prepareStatement("select count(*) filter (where n > 1), count(*) from"
						+ " (select e.application_id, count(*) n from escalation e join application a"
						+ " on a.id = e.application_id where a.number = any(?) group by e.application_id) per_application")) {
			s.setArray(1, c.createArrayOf("varchar", numbers.toArray()));
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return new int[] { rs.getInt(1), rs.getInt(2) };
			}
		}
	}

	private int count(String sql) throws SQLException {
		try (PreparedStatement s = this.monitor.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
