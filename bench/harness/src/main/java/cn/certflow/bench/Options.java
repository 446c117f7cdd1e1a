package cn.certflow.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the harness (see bench/harness/run.sh). {@code --quick} is the smoke
 * check: every scenario, small numbers. Any value can be given explicitly, e.g.
 * {@code --timers=2000}.
 */
final class Options {

	static final List<String> PHASES = List.of("lifecycle", "tasklist", "decisions", "growth", "timers");

	boolean quick;

	Set<String> phases = new java.util.LinkedHashSet<>(PHASES);

	String server = "jdbc:postgresql://127.0.0.1:5432/";

	String user = "postgres";

	/** Seconds of each commit-ceiling measurement (after a warm-up of a third of it). */
	int ceilingSeconds = 10;

	/** Complete certifications measured per thread count (after warm-up ones). */
	int lifecycles = 40;

	int warmUpLifecycles = 30;

	List<Integer> threads = List.of(1, 4);

	int decisionSeconds = 15;

	int timers = 10_000;

	/**
	 * Pairs of timer rounds (one node, two nodes), alternating the order: one, two, two,
	 * one, ...
	 */
	int timerRounds = 2;

	List<Integer> growthLevels = List.of(1_000, 10_000, 100_000);

	/** Queries per measured query type and growth level. */
	int growthQueries = 300;

	/**
	 * Certifications made through the API as the growth template (copied in SQL up to
	 * each level).
	 */
	int templateLifecycles = 200;

	/**
	 * Certifications measured at each growth level (task completion latency as history
	 * grows).
	 */
	int growthLifecycles = 10;

	/**
	 * Open applications waiting for review during the growth phase (half of them
	 * overdue).
	 */
	int openApplications = 200;

	/** Seconds after which the growth phase stops generating and measures what it has. */
	int growthBudgetSeconds = 3600;

	String droolsJson;

	String out = "results.md";

	String label = "";

	/**
	 * Keep the scratch database after the run (for inspection); it is dropped by default.
	 */
	boolean keepDatabase;

	/**
	 * SQL run on the scratch database once the application has created its schema
	 * (experiments, e.g. an index).
	 */
	List<String> sql = new java.util.ArrayList<>();

	/**
	 * SQL run after the last growth level, which is then measured again (before/after an
	 * index, in one run).
	 */
	List<String> growthThenSql = new java.util.ArrayList<>();

	/**
	 * Spring properties for the application (both nodes), e.g.
	 * camunda.bpm.job-execution.max-jobs-per-acquisition=10.
	 */
	Map<String, String> properties = new LinkedHashMap<>();

	static Options parse(String[] args) {
		Options o = new Options();
		if (Arrays.asList(args).contains("--quick")) {
			o.quick = true;
			o.ceilingSeconds = 2;
			o.lifecycles = 2;
			o.warmUpLifecycles = 1;
			o.decisionSeconds = 2;
			o.timers = 200;
			o.timerRounds = 1;
			o.growthLevels = List.of(100, 200);
			o.growthQueries = 20;
			o.growthLifecycles = 1;
			o.templateLifecycles = 10;
			o.openApplications = 20;
			o.out = "target/results-quick.md";
		}
		for (String arg : args) {
			if (arg.equals("--quick")) {
				continue;
			}
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("unknown argument " + arg + " (use --name=value)");
			}
			String name = arg.substring(2, arg.indexOf('='));
			String value = arg.substring(arg.indexOf('=') + 1);
			switch (name) {
				case "only" -> o.phases = new java.util.LinkedHashSet<>(List.of(value.split(",")));
				case "server" -> o.server = value;
				case "user" -> o.user = value;
				case "ceiling-seconds" -> o.ceilingSeconds = Integer.parseInt(value);
				case "lifecycles" -> o.lifecycles = Integer.parseInt(value);
				case "warm-up-lifecycles" -> o.warmUpLifecycles = Integer.parseInt(value);
				case "threads" -> o.threads = ints(value);
				case "decision-seconds" -> o.decisionSeconds = Integer.parseInt(value);
				case "timers" -> o.timers = Integer.parseInt(value);
				case "timer-rounds" -> o.timerRounds = Integer.parseInt(value);
				case "growth" -> o.growthLevels = ints(value);
				case "growth-queries" -> o.growthQueries = Integer.parseInt(value);
				case "template-lifecycles" -> o.templateLifecycles = Integer.parseInt(value);
				case "growth-lifecycles" -> o.growthLifecycles = Integer.parseInt(value);
				case "open-applications" -> o.openApplications = Integer.parseInt(value);
				case "growth-budget-seconds" -> o.growthBudgetSeconds = Integer.parseInt(value);
				case "drools-json" -> o.droolsJson = value;
				case "out" -> o.out = value;
				case "label" -> o.label = value;
				case "keep-database" -> o.keepDatabase = Boolean.parseBoolean(value);
				case "sql" -> o.sql.add(value);
				case "growth-then-sql" -> o.growthThenSql.add(value);
				case "prop" ->
					o.properties.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
				default -> throw new IllegalArgumentException("unknown option --" + name);
			}
		}
		for (String phase : o.phases) {
			if (!PHASES.contains(phase)) {
				throw new IllegalArgumentException("unknown phase " + phase + ", known: " + PHASES);
			}
		}
		return o;
	}

	Duration ceilingWarmUp() {
		return Duration.ofMillis(this.ceilingSeconds * 1000L / 3);
	}

	Duration ceilingMeasure() {
		return Duration.ofSeconds(this.ceilingSeconds);
	}

	private static List<Integer> ints(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).map(Integer::valueOf).toList();
	}

	@Override
	public String toString() {
		return (this.quick ? "--quick " : "") + "phases=" + this.phases + " ceiling=" + this.ceilingSeconds
				+ "s lifecycles=" + this.lifecycles + "(+" + this.warmUpLifecycles + " warm-up) threads=" + this.threads
				+ " decisions=" + this.decisionSeconds + "s timers=" + this.timers + " growth=" + this.growthLevels
				+ " properties=" + this.properties;
	}

}
