package cn.certflow.bench;

import static cn.certflow.bench.Report.f;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.surveillance.CertificateAudit;
import cn.certflow.system.EngineTime;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Timers at scale: N certificates whose annual surveillance falls due on the same day.
 * Each has its running {@code certificate-lifecycle} (started through the engine as
 * CertificateLifecycleStarter starts it) waiting at the surveillance timer
 * {@code TimerEvent_SurveillancePlanningTime} (R-SUR-1: planning of the year's
 * surveillance audit, 60 days before it is due), which is due. Firing it opens the
 * surveillance audit ({@code certificate-audit}, with its audit-time DMN, plan task and
 * the overdue/postponement boundary timers). The certificates' rows are copies of a real
 * certificate (SQL) whose cycle started a year less 61 days ago; the lifecycles are
 * started through the Java API, in batches per transaction, with every job executor
 * stopped. First one node fires N, then two nodes (two JVMs, one database) fire N more; a
 * smaller round fired by both nodes first warms up the second JVM. Finished when none of
 * the batch's timers is left; then checked: exactly one surveillance audit per
 * certificate, no incident.
 */
final class TimerBenchmark {

	record Result(int nodes, int timers, int executorThreads, double seconds, int duplicates, int missed, int incidents,
			long optimisticLocking, long acquisitionFailures, double engineCpuSeconds, double databaseCpuSeconds,
			String sequentialScans) {

		double perSecond() {
			return this.timers / this.seconds;
		}

		/** Several rounds as one: timers, seconds, CPU and counters added up. */
		static Result sum(List<Result> rounds) {
			Result first = rounds.get(0);
			int timers = 0;
			int duplicates = 0;
			int missed = 0;
			long optimisticLocking = 0;
			long acquisitionFailures = 0;
			double seconds = 0;
			double engineCpu = 0;
			double databaseCpu = 0;
			for (Result r : rounds) {
				timers += r.timers;
				seconds += r.seconds;
				duplicates += r.duplicates;
				missed += r.missed;
				optimisticLocking += r.optimisticLocking;
				acquisitionFailures += r.acquisitionFailures;
				engineCpu += r.engineCpuSeconds;
				databaseCpu += r.databaseCpuSeconds;
			}
			return new Result(first.nodes, timers, first.executorThreads, seconds, duplicates, missed,
					rounds.get(rounds.size() - 1).incidents, optimisticLocking, acquisitionFailures, engineCpu,
					databaseCpu, rounds.get(rounds.size() - 1).sequentialScans);
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

	/**
	 * Due surveillance planning timers (intermediate timer events); the batch's fell due
	 * yesterday.
	 */
	private static final String DUE = "select count(*) from act_ru_job where handler_type_ = 'timer-intermediate-transition'"
			+ " and duedate_ < now() - interval '1 hour'";

	private int batches;

	/** Every measured round, in order. */
	final List<Result> rounds = new ArrayList<>();

	/**
	 * The real certificate (issued by a certification of an earlier scenario) the batch's
	 * certificates copy.
	 */
	private static final String SOURCE = "select * from certificate where number not like 'SURV-%' and number not like"
			+ " '%~%' order by id limit 1";

	/**
	 * One connection for polling and checks, so that polling does not start a backend
	 * every 100 ms.
	 */
	private Connection monitor;

	/**
	 * The statements per fired timer of the first round on one node, when
	 * {@code pg_stat_statements} is loaded; else null.
	 */
	StatementCensus.Result statements;

	TimerBenchmark(BenchApplication app, ScratchDatabase db, Options options) {
		this.app = app;
		this.db = db;
		this.options = options;
	}

	Result[] run() throws Exception {
		BenchApplication app = this.app;
		try (Connection monitor = this.db.connect(); PostgresCpu postgres = new PostgresCpu(this.db)) {
			this.monitor = monitor;
			if (count("select count(*) from (" + SOURCE + ") c") == 0) {
				// run alone (--only=timers): one real certification gives the certificate
				// the batches copy
				new Lifecycle(app.bean(CertificationDriver.class), app.bean(TaskService.class)).run(0);
			}
			// timers other scenarios left due (overdue open applications of the growth
			// scenario) fire first
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (count(DUE) > 0 && System.nanoTime() < deadline) {
				Thread.sleep(500);
			}
			app.jobExecutor().shutdown();
			System.out.println("[bench] timers: starting the second node");
			try (SecondNode second = SecondNode.start(this.db, this.options.properties,
					Path.of("target", "node2.log"))) {
				int warmUp = Math.max(50, this.options.timers / 5);
				fire(app, second, dueSurveillance(app, warmUp), postgres, 2);
				// rounds in the order one, two, two, one, ...: a load that drifts during
				// the run weighs on both alike
				List<Result> ones = new ArrayList<>();
				List<Result> twos = new ArrayList<>();
				for (int round = 0; round < this.options.timerRounds; round++) {
					boolean oneFirst = round % 2 == 0;
					for (int nodes : oneFirst ? new int[] { 1, 2 } : new int[] { 2, 1 }) {
						List<String> due = dueSurveillance(app, this.options.timers);
						// the statements of the first round on one node, per fired timer
						StatementCensus census = (nodes == 1 && this.statements == null) ? new StatementCensus(this.db)
								: null;
						boolean counting = census != null && census.reset();
						Result r = fire(app, (nodes == 2) ? second : null, due, postgres, nodes);
						if (counting) {
							this.statements = census.read(due.size(), "fired surveillance timer",
									"target/statements-timers.tsv");
						}
						(nodes == 1 ? ones : twos).add(r);
						System.out.printf(
								"[bench] timers, %s: %,d in %.1f s = %.0f/s, %s, OLE %d, acquisition failures %d%n",
								nodes == 1 ? "one node" : "two nodes", r.timers(), r.seconds(), r.perSecond(),
								r.cpuPerJob(), r.optimisticLocking(), r.acquisitionFailures());
						this.rounds.add(r);
					}
				}
				return new Result[] { Result.sum(ones), Result.sum(twos) };
			}
			finally {
				app.jobExecutor().start();
			}
		}
	}

	/**
	 * N certificates whose cycle started a year less (planning days + 1) ago, each with
	 * its lifecycle started and waiting at its due surveillance planning timer. Returns
	 * their numbers.
	 */
	private List<String> dueSurveillance(BenchApplication app, int n) throws SQLException {
		int planningDays = app.bean(RegulatoryClock.class)
			.period(RegulatoryPeriod.SURVEILLANCE_PLANNING_LEAD)
			.getDays();
		LocalDate cycleStart = EngineTime.today().plusDays(planningDays - 1).minusYears(1);
		String prefix = "SURV-" + (++this.batches) + "-";
		long start = System.nanoTime();
		try (PreparedStatement s = this.monitor.prepareStatement("insert into certificate (number, application_id,"
				+ " revision, certification_body, holder_name, holder_address, credit_code, scope, scheme, rule_document,"
				+ " standard, stars, grade, decision_key, decision_version, grade_explanation, issued_on, expires_on,"
				+ " signatory, status, cycle_start) select ? || lpad(i::text, 6, '0'), application_id, revision,"
				+ " certification_body, holder_name || ' ' || i, holder_address, upper(substr(md5(? || i), 1, 18)), scope,"
				+ " scheme, rule_document, standard, stars, grade, decision_key, decision_version, grade_explanation, ?,"
				+ " ?, signatory, status, ? from (" + SOURCE + ") c, generate_series(1, ?) i")) {
			s.setString(1, prefix);
			s.setString(2, prefix);
			s.setObject(3, cycleStart);
			s.setObject(4, cycleStart.plusYears(3).minusDays(1));
			s.setObject(5, cycleStart);
			s.setInt(6, n);
			if (s.executeUpdate() != n) {
				throw new IllegalStateException("no certificate to copy: run the lifecycle scenario first");
			}
		}
		List<String> numbers = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			numbers.add(prefix + String.format("%06d", i));
		}
		String[] source = this.app.bean(JdbcClient.class)
			.sql("select a.number, c.scheme, c.holder_name, c.stars, c.grade from (" + SOURCE + ") c"
					+ " join application a on a.id = c.application_id")
			.query((rs,
					row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5) })
			.single();
		RuntimeService runtime = app.engine.getRuntimeService();
		TransactionTemplate transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
		for (int from = 0; from < n; from += 100) {
			List<String> batch = numbers.subList(from, Math.min(n, from + 100));
			transaction.executeWithoutResult(status -> {
				for (String number : batch) {
					runtime.createProcessInstanceByKey(CertificateLifecycle.KEY)
						.businessKey(number)
						.setVariables(CamundaBpmData.builder()
							.set(CertificateLifecycle.CERTIFICATE_NUMBER, number)
							.set(CertificateLifecycle.APPLICATION_NUMBER, source[0])
							.set(CertificateLifecycle.SCHEME_ID, source[1])
							.set(CertificateLifecycle.CLIENT_NAME, source[2])
							.set(CertificateLifecycle.CERTIFIED_STARS, Integer.valueOf(source[3]))
							.set(CertificateLifecycle.CERTIFIED_GRADE, source[4])
							.set(CertificateLifecycle.RENEWED, false)
							.build())
						.execute();
				}
			});
		}
		System.out.printf("[bench] timers: %,d certificate lifecycles with a due surveillance started in %.1f s%n", n,
				(System.nanoTime() - start) / 1e9);
		return numbers;
	}

	private Result fire(BenchApplication app, SecondNode second, List<String> numbers, PostgresCpu postgres, int nodes)
			throws Exception {
		String remainingSql = DUE;
		if (count(remainingSql) != numbers.size()) {
			throw new IllegalStateException("expected " + numbers.size() + " due timers, found " + count(remainingSql));
		}
		this.db.analyze();
		Map<String, long[]> scansBefore = SequentialScans.read(this.db);
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
			Thread.sleep(250); // ±0.25 s on a round of a minute; more frequent polls add
								// their own scans of act_ru_job
			remaining = count(remainingSql);
		}
		while (remaining > 0 && System.nanoTime() < deadline);
		double seconds = (System.nanoTime() - start) / 1e9;
		double databaseCpu = postgres.seconds() - databaseBefore;
		String scans = SequentialScans.busiest(scansBefore, SequentialScans.read(this.db));
		Node.JobCounters counters = Node.JobCounters.of(app).minus(localBefore);
		if (second != null) {
			counters = counters.plus(second.stats());
		}
		app.jobExecutor().shutdown();
		if (second != null) {
			second.holdJobExecutor();
		}

		int[] audits = surveillanceAudits(numbers);
		int duplicates = audits[0];
		int missed = numbers.size() - audits[1];
		int incidents = count("select count(*) from act_ru_incident");
		int threads = app.context.getEnvironment()
			.getProperty("camunda.bpm.job-execution.core-pool-size", Integer.class, 3);
		return new Result(nodes, numbers.size(), threads * nodes, seconds, duplicates, missed, incidents,
				counters.optimisticLocking(), counters.acquisitionFailures(), counters.cpuNanos() / 1e9, databaseCpu,
				scans);
	}

	/**
	 * [certificates with more than one surveillance audit started, certificates with at
	 * least one].
	 */
	private int[] surveillanceAudits(List<String> numbers) throws SQLException {
		try (PreparedStatement s = this.monitor.prepareStatement("select count(*) filter (where n > 1), count(*) from"
				+ " (select business_key_, count(*) n from act_hi_procinst where proc_def_key_ = ?"
				+ " and business_key_ = any(?) group by business_key_) per_certificate")) {
			s.setString(1, CertificateAudit.KEY);
			s.setArray(2, this.monitor.createArrayOf("varchar", numbers.toArray()));
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
