package cn.certflow.bench;

import static cn.certflow.bench.Report.f;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import cn.certflow.application.ApplicationService;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.certificate.CertificateService;
import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Growth: how Tasklist's own filter queries, the public certificate lookup and task
 * completion behave as completed certifications pile up (1k, 10k, 100k historic
 * instances). The open workload stays the same at every level (a fixed number of
 * applications waiting for review, half of them overdue), so only history grows. The
 * first certifications are made through the same Java API as the lifecycle scenario
 * (several per transaction); they are the template that {@link HistoryReplicator} copies
 * in SQL up to each level, since a 2-core machine makes only a few certifications per
 * second through the engine. The phase stops growing when its time budget is spent and
 * measures what it has.
 */
final class GrowthBenchmark {

	record Level(long historic, Map<String, Latencies> queries, double generationSeconds, long databaseBytes,
			String label) {
	}

	static final String MY_TASKS = "我的任务";

	static final String OVERDUE = "逾期任务";

	/** Certifications generated per transaction. */
	private static final int BATCH = 10;

	private final BenchApplication app;

	private final ScratchDatabase db;

	private final Options options;

	private final List<String> notes = new ArrayList<>();

	private final Random random = new Random(8);

	GrowthBenchmark(BenchApplication app, ScratchDatabase db, Options options) {
		this.app = app;
		this.db = db;
		this.options = options;
	}

	List<String> notes() {
		return this.notes;
	}

	List<Level> run() throws Exception {
		openWorkload();
		List<Level> levels = new ArrayList<>();
		long budgetEnd = System.nanoTime() + Duration.ofSeconds(this.options.growthBudgetSeconds).toNanos();
		long start = System.nanoTime();
		long before = historic();
		long made = generateUpTo(Math.min(this.options.templateLifecycles, this.options.growthLevels.get(0)), budgetEnd)
				- before;
		HistoryReplicator replicator = new HistoryReplicator(this.db);
		int template = replicator.captureTemplate();
		this.notes.add(f("growth: the %,d certifications completed through the Java API so far are the template (%,d of"
				+ " them made for it, %.2f/s with %d per transaction); the levels are reached by copying the template's"
				+ " rows in SQL (HistoryReplicator)", template, made, made / ((System.nanoTime() - start) / 1e9),
				BATCH));
		Map<String, long[]> scansBefore = SequentialScans.read(this.db);
		for (int target : this.options.growthLevels) {
			long historic = historic();
			if (historic < target) {
				int copies = (int) Math.ceil((double) (target - historic) / template);
				replicator.replicate(copies, Math.max(1, 20_000 / template), budgetEnd);
				historic = historic();
			}
			double generation = (System.nanoTime() - start) / 1e9;
			start = System.nanoTime();
			if (historic < target) {
				this.notes.add(f(
						"growth: the %,d level was not reached within the time budget (%d s): measured at %,d"
								+ " historic certifications (generated at %.1f/s)",
						target, this.options.growthBudgetSeconds, historic,
						(historic - (levels.isEmpty() ? 0 : levels.get(levels.size() - 1).historic())) / generation));
			}
			this.db.analyze();
			Level level = new Level(historic, measure(), generation, databaseBytes(), "");
			levels.add(level);
			Map<String, long[]> scans = SequentialScans.read(this.db);
			String busiest = SequentialScans.busiest(scansBefore, scans);
			scansBefore = scans;
			System.out.printf("[bench] growth: %,d historic certifications (%.0f s to generate), database %,d MB%n",
					historic, generation, level.databaseBytes() >> 20);
			level.queries()
				.forEach((name, latencies) -> System.out.printf("[bench]   %-60s p50 %7.2f ms  p99 %7.2f ms%n", name,
						latencies.p50(), latencies.p99()));
			System.out.println("[bench]   sequential scans that read most rows since the previous level: " + busiest);
			if (target == this.options.growthLevels.get(this.options.growthLevels.size() - 1) || historic < target) {
				this.notes
					.add(f("growth: sequential scans that read most rows while reaching and measuring %,d historic"
							+ " certifications (table: scans, rows read): %s", historic, busiest));
			}
			if (historic < target) {
				break;
			}
		}
		if (!this.options.growthThenSql.isEmpty() && !levels.isEmpty()) {
			// the same data once more, with the statements applied (e.g. the indexes a
			// migration would add)
			try (Connection c = this.db.connect(); var s = c.createStatement()) {
				for (String sql : this.options.growthThenSql) {
					s.execute(sql);
				}
			}
			this.db.analyze();
			Map<String, long[]> scansThen = SequentialScans.read(this.db);
			Level top = levels.get(levels.size() - 1);
			Level again = new Level(historic(), measure(), 0, databaseBytes(), "after " + this.options.growthThenSql);
			levels.add(again);
			String busiest = SequentialScans.busiest(scansThen, SequentialScans.read(this.db));
			System.out.printf("[bench] growth: %,d historic certifications again, after %s%n", again.historic(),
					this.options.growthThenSql);
			again.queries()
				.forEach((name, latencies) -> System.out.printf(
						"[bench]   %-60s p50 %7.2f ms  p99 %7.2f ms (was %.2f)%n", name, latencies.p50(),
						latencies.p99(), top.queries().get(name).p99()));
			this.notes.add(f("growth: sequential scans while measuring %,d historic certifications again after %s: %s",
					again.historic(), this.options.growthThenSql, busiest));
		}
		return levels;
	}

	/**
	 * Applications waiting for review: half received review-days + 1 ago (overdue), half
	 * today.
	 */
	private void openWorkload() {
		int reviewDays = this.app.bean(RegulatoryClock.class).period(RegulatoryPeriod.APPLICATION_REVIEW).getDays();
		ApplicationService applications = this.app.bean(ApplicationService.class);
		TransactionTemplate transaction = new TransactionTemplate(this.app.bean(PlatformTransactionManager.class));
		int overdue = this.options.openApplications / 2;
		ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(reviewDays + 1))));
		try {
			transaction.executeWithoutResult(status -> {
				for (int i = 0; i < overdue; i++) {
					applications.submit(CertificationDriver.request("PCEC", 3, 80));
				}
			});
		}
		finally {
			ClockUtil.reset();
		}
		transaction.executeWithoutResult(status -> {
			for (int i = overdue; i < this.options.openApplications; i++) {
				applications.submit(CertificationDriver.request("PCEC", 3, 80));
			}
		});
	}

	private long historic() {
		return this.app.bean(HistoryService.class)
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(InitialCertification.KEY)
			.finished()
			.count();
	}

	private long generateUpTo(int target, long budgetEnd) {
		Lifecycle lifecycle = new Lifecycle(this.app.bean(CertificationDriver.class), this.app.bean(TaskService.class));
		TransactionTemplate transaction = new TransactionTemplate(this.app.bean(PlatformTransactionManager.class));
		long historic = historic();
		long reported = System.nanoTime();
		while (historic < target && System.nanoTime() < budgetEnd) {
			int batch = (int) Math.min(BATCH, target - historic);
			transaction.executeWithoutResult(status -> {
				for (int i = 0; i < batch; i++) {
					lifecycle.run(this.random.nextInt(15));
				}
			});
			historic += batch;
			if (System.nanoTime() - reported > 30e9) {
				System.out.printf("[bench] growth: %,d historic certifications%n", historic);
				reported = System.nanoTime();
			}
		}
		return historic();
	}

	private Map<String, Latencies> measure() {
		FilterService filters = this.app.bean(FilterService.class);
		TaskService tasks = this.app.bean(TaskService.class);
		CertificateService certificates = this.app.bean(CertificateService.class);
		Filter mine = filters.createTaskFilterQuery().filterName(MY_TASKS).singleResult();
		Filter overdue = filters.createTaskFilterQuery().filterName(OVERDUE).singleResult();
		List<String> numbers = this.app.bean(JdbcClient.class)
			.sql("select number from certificate")
			.query(String.class)
			.list();
		Map<String, Latencies> results = new LinkedHashMap<>();
		results.put("Tasklist filter 我的任务 as reviewer: first page (15) + count", repeat(() -> as("reviewer", () -> {
			filters.listPage(mine.getId(), tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 15);
			return filters.count(mine.getId());
		})));
		results.put("Tasklist filter 逾期任务 as manager: first page (15) + count", repeat(() -> as("manager", () -> {
			filters.listPage(overdue.getId(), tasks.createTaskQuery().orderByDueDate().asc(), 0, 15);
			return filters.count(overdue.getId());
		})));
		results.put("certificate lookup by number (GET /api/certificates/{number})",
				repeat(() -> certificates.get(numbers.get(this.random.nextInt(numbers.size())))));
		Lifecycle lifecycle = new Lifecycle(this.app.bean(CertificationDriver.class), tasks);
		for (int i = 0; i < this.options.growthLifecycles; i++) {
			lifecycle.run(0);
		}
		results.put("task completion (whole certifications, 1 thread)", lifecycle.complete);
		return results;
	}

	private Latencies repeat(Supplier<?> query) {
		for (int i = 0; i < 10; i++) {
			query.get();
		}
		Latencies latencies = new Latencies();
		for (int i = 0; i < this.options.growthQueries; i++) {
			latencies.time(query);
		}
		return latencies;
	}

	private <T> T as(String user, Supplier<T> query) {
		IdentityService identity = this.app.bean(IdentityService.class);
		List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		identity.setAuthentication(user, groups);
		try {
			return query.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private long databaseBytes() throws Exception {
		try (Connection c = this.db.connect();
				var s = c.createStatement();
				ResultSet rs = s.executeQuery("select pg_database_size(current_database())")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
