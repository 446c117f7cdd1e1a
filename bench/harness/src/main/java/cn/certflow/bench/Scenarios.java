package cn.certflow.bench;

import static cn.certflow.bench.Report.f;
import static cn.certflow.bench.Report.verdict;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The scenarios of issue 8. Each keeps its results; {@link #finish()} turns them into
 * report rows once the commit ceiling of the run is known (mean of its start and end
 * measurements).
 */
final class Scenarios {

	private final Options options;

	private final Report report;

	private final Map<Integer, Double> ceiling;

	private final List<LifecycleBenchmark.Result> lifecycles = new ArrayList<>();

	private final List<DecisionBenchmark.Result> decisions = new ArrayList<>();

	private final List<GrowthBenchmark.Level> growth = new ArrayList<>();

	private final List<String> growthNotes = new ArrayList<>();

	private TimerBenchmark.Result oneNode;

	private TimerBenchmark.Result twoNodes;

	private final List<TimerBenchmark.Result> timerRounds = new ArrayList<>();

	private final List<String[]> drools = new ArrayList<>();

	private StatementCensus.Result statements;

	private StepCosts steps;

	private StepCosts.GradingStep grading;

	Scenarios(Options options, Report report, Map<Integer, Double> ceiling) {
		this.options = options;
		this.report = report;
		this.ceiling = ceiling;
	}

	void lifecycles(BenchApplication app, PostgresCpu postgres, ScratchDatabase db)
			throws InterruptedException, java.sql.SQLException {
		LifecycleBenchmark benchmark = new LifecycleBenchmark(app, postgres);
		for (int threads : this.options.threads) {
			LifecycleBenchmark.Result result = benchmark.run(threads, this.options.lifecycles,
					this.options.warmUpLifecycles);
			this.lifecycles.add(result);
			System.out.printf("[bench] lifecycle, %d thread(s): %d in %.1f s = %.2f/s, %.1f writing + %.1f read-only"
					+ " commits + %.1f auto-commit writes per certification; complete p50 %.1f ms p99 %.1f ms%n",
					threads, result.lifecycles(), result.seconds(), result.perSecond(), result.writesPerLifecycle(),
					result.readsPerLifecycle(), result.autoCommitWritesPerLifecycle(), result.timings().complete.p50(),
					result.timings().complete.p99());
		}
		StatementCensus census = new StatementCensus(db);
		if (census.reset()) {
			int certifications = this.options.quick ? 5 : 20;
			benchmark.measure(1, certifications);
			this.statements = census.read(certifications);
			System.out.printf("[bench] statements per certification: %.0f (%s)%n", this.statements.calls(),
					this.statements.byKind());
			try (StepCosts costs = new StepCosts(db, postgres)) {
				benchmark.measure(1, this.options.quick ? 5 : 100, costs);
				this.steps = costs;
				this.grading = costs.gradingStep();
			}
			System.out.printf("[bench] scoring step ÷ mean plain step of the onsite audit: %.2f× CPU%n",
					this.grading.ratio());
		}
		else {
			this.report.note("statement census not taken: pg_stat_statements is not loaded on this server ("
					+ census.unavailable() + "); see docs/OPERATIONS.md");
		}
	}

	/**
	 * The figures a regression shows first: printed on the last lines of every run,
	 * {@code --quick} included.
	 */
	List<String> summary() {
		List<String> lines = new ArrayList<>();
		for (LifecycleBenchmark.Result r : this.lifecycles) {
			double ratio = r.stepsPerSecond() / this.ceiling.get(r.threads());
			double[] cpu = r.cpuPerStep();
			lines.add(f(
					"summary: %d thread(s): %.1f steps/s = 1/%.0f of the commit ceiling; CPU per step JVM %.1f ms"
							+ " + PostgreSQL %.1f ms; task completion p99 %.1f ms",
					r.threads(), r.stepsPerSecond(), 1 / ratio, cpu[0], cpu[1], r.timings().complete.p99()));
		}
		if (this.statements != null) {
			lines.add(f("summary: statements per certification: %.0f (%s), PostgreSQL execution %.1f ms",
					this.statements.calls(), this.statements.byKind(), this.statements.millis()));
		}
		if (this.steps != null) {
			lines.add(gradingStep());
		}
		return lines;
	}

	/**
	 * Tasklist's read path ({@link TasklistReads}): needs {@code pg_stat_statements}, as
	 * the census.
	 */
	void tasklist(BenchApplication app, PostgresCpu postgres, ScratchDatabase db) throws java.sql.SQLException {
		StatementCensus census = new StatementCensus(db);
		if (!census.reset()) {
			this.report.note("Tasklist read path not measured: pg_stat_statements is not loaded on this server ("
					+ census.unavailable() + ")");
			return;
		}
		TasklistReads.Result result = TasklistReads.run(app, db, postgres, this.options.quick ? 20 : 40,
				this.options.quick ? 5 : 50);
		for (StepCosts.Kind k : result.sequences()) {
			this.report.row("tasklist", k.step() + ", as the reviewer",
					f("%.0f statements, %.1f ms wall", k.statements(), k.wallMillis()),
					f("PostgreSQL execution %.2f ms, CPU %.1f ms", k.execMillis(), k.databaseCpuMillis()), "");
			System.out.printf("[bench] tasklist: %s: %.0f statements, %.1f ms wall%n", k.step(), k.statements(),
					k.wallMillis());
		}
		this.report.section(result.table());
	}

	void decisions(BenchApplication app, PostgresCpu postgres) {
		DecisionBenchmark benchmark = new DecisionBenchmark(app, postgres, this.options.quick ? 100 : 3000);
		for (DecisionBenchmark.Result result : List.of(benchmark.pcec(this.options.decisionSeconds),
				benchmark.cqm(this.options.decisionSeconds), benchmark.pcec(this.options.decisionSeconds, 100))) {
			this.decisions.add(result);
			System.out.printf("[bench] %s through DecisionService: %.0f/s (%d writing commits for %d evaluations)%n",
					result.key(), result.perSecond(), result.commits().writes(), result.evaluations());
		}
	}

	void growth(BenchApplication app, ScratchDatabase db) throws Exception {
		GrowthBenchmark benchmark = new GrowthBenchmark(app, db, this.options);
		this.growth.addAll(benchmark.run());
		this.growthNotes.addAll(benchmark.notes());
	}

	void timers(BenchApplication app, ScratchDatabase db) throws Exception {
		TimerBenchmark benchmark = new TimerBenchmark(app, db, this.options);
		TimerBenchmark.Result[] results = benchmark.run();
		if (benchmark.statements != null) {
			this.report.section(StatementCensus.table(benchmark.statements));
		}
		this.oneNode = results[0];
		this.twoNodes = results[1];
		this.timerRounds.addAll(benchmark.rounds);
	}

	/**
	 * Reads the Drools JMH result that run.sh produced with bench/rules before starting
	 * the harness.
	 */
	void drools() throws Exception {
		if (this.options.droolsJson == null || !new File(this.options.droolsJson).isFile()) {
			return;
		}
		for (JsonNode benchmark : new ObjectMapper().readTree(new File(this.options.droolsJson))) {
			String name = benchmark.get("benchmark").asText();
			JsonNode metric = benchmark.get("primaryMetric");
			this.drools.add(new String[] { name.substring(name.lastIndexOf('.') + 1), metric.get("score").asText(),
					metric.get("scoreError").asText() });
		}
	}

	/**
	 * The grading step against a plain step of the same process, and the grading's own
	 * share of it.
	 */
	private String gradingStep() {
		StepCosts.Kind scoring = this.grading.scoring();
		StepCosts.Kind plain = this.grading.plain();
		return f("summary: grading step %s %.1f ms CPU (JVM %.1f + PostgreSQL %.1f), %.0f statements; plain"
				+ " step of the onsite audit %.1f ms (JVM %.1f + PostgreSQL %.1f), %.0f statements: %.2f× (target ≤ 1.05×);"
				+ " grading itself (GradingService) %.2f ms, AuditScoring.grade %.2f ms of JVM CPU", scoring.step(),
				scoring.cpuMillis(), scoring.threadCpuMillis(), scoring.databaseCpuMillis(), scoring.statements(),
				plain.cpuMillis(), plain.threadCpuMillis(), plain.databaseCpuMillis(), plain.statements(),
				this.grading.ratio(), scoring.gradingCpuMillis(), scoring.scoringCpuMillis());
	}

	void finish() {
		if (this.statements != null) {
			this.report.section(StatementCensus.table(this.statements));
		}
		if (this.steps != null) {
			this.report.section(StepCosts.table(this.steps));
			StepCosts.Kind scoring = this.grading.scoring();
			StepCosts.Kind plain = this.grading.plain();
			this.report.row("lifecycle",
					"grading step (scoring + DMN + explanation) ÷ a plain step of the onsite audit",
					f("%.1f ÷ %.1f ms CPU", scoring.cpuMillis(), plain.cpuMillis()),
					f("%.2f× the mean plain step; statements %.0f ÷ %.0f; grading itself %.2f ms JVM",
							this.grading.ratio(), scoring.statements(), plain.statements(), scoring.gradingCpuMillis()),
					verdict(this.grading.ratio() <= 1.05, "≤ 1.05×"));
		}
		double c1 = this.ceiling.get(1);
		for (LifecycleBenchmark.Result r : this.lifecycles) {
			double c = this.ceiling.get(r.threads());
			String section = "lifecycle";
			String t = r.threads() + (r.threads() == 1 ? " thread" : " threads");
			this.report.row(section, f("complete initial certifications, %s (%d measured)", t, r.lifecycles()),
					f("%.2f/s", r.perSecond()), f("%.1f s per certification per thread", r.threads() / r.perSecond()),
					"");
			this.report.row(section, f("transactions per certification, %s", t),
					f("%.1f writing", r.writesPerLifecycle()),
					f("+ %.1f read-only commits, + %.1f auto-commit writes (uploads)", r.readsPerLifecycle(),
							r.autoCommitWritesPerLifecycle()),
					"");
			double ratio = r.stepsPerSecond() / c;
			this.report.row(section, f("engine steps (writing transactions)/s, %s", t), f("%.1f/s", r.stepsPerSecond()),
					f("%.3f× ceiling(%d) = 1/%.0f", ratio, r.threads(), 1 / ratio),
					verdict(ratio >= 0.1, "≥ 1/10 of the ceiling"));
			this.report.row(section, f("task completion p50 / p99, %s", t),
					f("%.1f / %.1f ms", r.timings().complete.p50(), r.timings().complete.p99()),
					f("p50 = %.0f commit times of ceiling(%d)",
							r.timings().complete.p50() / (1000.0 / (c / r.threads())), r.threads()),
					verdict(r.timings().complete.p99() < 50, "p99 < 50 ms"));
			double[] cpu = r.cpuPerStep();
			this.report.row(section, f("CPU per writing transaction, %s", t),
					f("JVM %.1f ms + PostgreSQL %.1f ms", cpu[0], cpu[1]),
					f("= %.0f steps/s if the JVM had 2 free cores", 2000 / cpu[0]), "");
			this.report.row(section, f("whole step (find task, authenticate, complete) p50 / p99, %s", t),
					f("%.1f / %.1f ms", r.timings().step.p50(), r.timings().step.p99()),
					f("start (submit) p50 %.1f ms, p99 %.1f ms", r.timings().start.p50(), r.timings().start.p99()), "");
		}
		for (DecisionBenchmark.Result r : this.decisions) {
			String batch = (r.perTransaction() == 1) ? "" : f(", %d per transaction", r.perTransaction());
			this.report.row("decisions", f("%s through the engine's DecisionService, 1 thread%s", r.key(), batch),
					f("%,.0f/s", r.perSecond()),
					f("%.2f× ceiling(1); %.2f writing commits and JVM %.0f µs + PostgreSQL %.0f µs CPU per evaluation",
							r.perSecond() / c1, (double) r.commits().writes() / r.evaluations(),
							r.cpuPerEvaluation()[0], r.cpuPerEvaluation()[1]),
					verdict(r.perSecond() >= 20_000, "≥ 20,000/s"));
		}
		for (String[] d : this.drools) {
			double score = Double.parseDouble(d[1]);
			String error = d[2].equals("NaN") ? "" : f(" ± %,.0f", Double.parseDouble(d[2]));
			boolean rules = d[0].startsWith("termination");
			this.report.row("decisions", f("Drools %s (JMH, 1 thread)", d[0]), f("%,.0f/s%s", score, error),
					f("%.0f× ceiling(1)", score / c1), rules ? verdict(score >= 50_000, "≥ 50,000/s") : "");
		}
		timerRows();
		growthRows();
	}

	private void timerRows() {
		if (this.oneNode == null) {
			return;
		}
		double c4 = this.ceiling.get(4);
		TimerBenchmark.Result one = this.oneNode;
		TimerBenchmark.Result two = this.twoNodes;
		int per = this.options.timers;
		double perBatch = one.seconds() * per / one.timers();
		this.report.row("timers",
				f("%,d due surveillance timers, one node (%d executor threads)%s", per, one.executorThreads(),
						one.timers() > per ? f(", mean of %d rounds", one.timers() / per) : ""),
				f("%.1f s = %.0f jobs/s", perBatch, one.perSecond()), f("%.3f× ceiling(4)", one.perSecond() / c4),
				verdict(perBatch < 60, "< 60 s"));
		this.report.row("timers",
				f("%,d due surveillance timers, two nodes (JVMs) on one database%s", per,
						two.timers() > per ? f(", mean of %d rounds", two.timers() / per) : ""),
				f("%.1f s = %.0f jobs/s", two.seconds() * per / two.timers(), two.perSecond()),
				f("%.2f× one node; %.3f× ceiling(4); CPU per timer %.2f× one node", two.perSecond() / one.perSecond(),
						two.perSecond() / c4,
						(two.engineCpuSeconds() + two.databaseCpuSeconds()) / two.timers()
								/ ((one.engineCpuSeconds() + one.databaseCpuSeconds()) / one.timers())),
				verdict(two.perSecond() >= 0.9 * one.perSecond(), "≥ 0.9× one node"));
		for (TimerBenchmark.Result r : List.of(one, two)) {
			String which = (r == one) ? "one node" : "two nodes";
			this.report.row("timers", f("duplicates / missed / incidents, %s", which),
					f("%d / %d / %d", r.duplicates(), r.missed(), r.incidents()),
					f("OptimisticLockingExceptions: %d in execution, %d failed acquisition locks",
							r.optimisticLocking(), r.acquisitionFailures()),
					verdict(r.duplicates() == 0 && r.missed() == 0, "none duplicated, none missed"));
			this.report.row("timers", f("CPU per fired timer, %s", which), r.cpuPerJob(),
					f("PostgreSQL %.0f%% of the window busy; engine JVM(s) %.0f%%", r.databaseBusyPercent(),
							r.enginesBusyPercent()),
					"");
			this.report.note(f("timers, %s: sequential scans in the last round (table: scans / rows read): %s", which,
					r.sequentialScans()));
		}
		StringBuilder rounds = new StringBuilder();
		for (TimerBenchmark.Result r : this.timerRounds) {
			rounds.append(rounds.isEmpty() ? "" : ", ")
				.append(f("%s %.1f s (%.0f/s)", r.nodes() == 1 ? "one" : "two", r.seconds(), r.perSecond()));
		}
		this.report.note("timers, rounds in order: " + rounds);
	}

	private void growthRows() {
		if (this.growth.isEmpty()) {
			return;
		}
		GrowthBenchmark.Level base = this.growth.get(0);
		GrowthBenchmark.Level top = this.growth.get(this.growth.size() - 1);
		for (GrowthBenchmark.Level level : this.growth) {
			for (Map.Entry<String, Latencies> q : level.queries().entrySet()) {
				Latencies baseLatency = base.queries().get(q.getKey());
				double ratio = q.getValue().p99() / baseLatency.p99();
				boolean isTop = level != base && level.historic() == top.historic();
				String label = level.label().isEmpty() ? "" : " " + level.label();
				this.report.row("growth", f("%s, %,d historic%s", q.getKey(), level.historic(), label),
						f("p50 %.2f / p99 %.2f ms", q.getValue().p50(), q.getValue().p99()),
						(level == base) ? "(baseline level)" : f("p99 %.2f× the %,d level", ratio, base.historic()),
						isTop ? verdict(ratio <= 2, "within 2× of the smallest level") : "");
			}
		}
		this.growthNotes.forEach(this.report::note);
	}

}
