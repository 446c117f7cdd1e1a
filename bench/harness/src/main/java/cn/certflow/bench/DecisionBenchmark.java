package cn.certflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.grading.GradingService;
import cn.certflow.grading.ScoringVariables;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grade evaluations per second through the engine's DecisionService on PostgreSQL, one
 * thread, at the configured history level (production: full, so every evaluation writes
 * its historic decision instance in a transaction of its own), as GradingService calls
 * it: the latest deployed version, evaluated by id. Inputs cycle through every row of
 * each table; each input's stars are checked before measuring.
 */
final class DecisionBenchmark {

	record Result(String key, int perTransaction, long evaluations, double seconds, CommitCounter.Snapshot commits,
			double jvmCpuSeconds, double databaseCpuSeconds) {

		/** CPU microseconds per evaluation: [this JVM, the PostgreSQL backends]. */
		double[] cpuPerEvaluation() {
			return new double[] { 1e6 * this.jvmCpuSeconds / this.evaluations,
					1e6 * this.databaseCpuSeconds / this.evaluations };
		}

		double perSecond() {
			return this.evaluations / this.seconds;
		}

	}

	private record Input(Map<String, Object> variables, int stars) {
	}

	private final DecisionService decisions;

	private final RepositoryService repository;

	private final PostgresCpu postgres;

	private final TransactionTemplate transaction;

	private final int warmUpEvaluations;

	DecisionBenchmark(BenchApplication app, PostgresCpu postgres, int warmUpEvaluations) {
		this.warmUpEvaluations = warmUpEvaluations;
		this.decisions = app.engine.getDecisionService();
		this.repository = app.engine.getRepositoryService();
		this.postgres = postgres;
		this.transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
	}

	Result pcec(double seconds) {
		return pcec(seconds, 1);
	}

	/**
	 * {@code perTransaction} > 1: that many evaluations in one transaction (as a batch
	 * re-grading would run), which shows the engine's own cost per evaluation apart from
	 * the commit.
	 */
	Result pcec(double seconds, int perTransaction) {
		List<Input> inputs = new ArrayList<>();
		double[] scores = { 65.0, 72.5, 85.1, 93.2, 97.0 };
		for (int d = 0; d <= 5; d++) {
			for (double score : scores) {
				Map<String, Object> v = new LinkedHashMap<>();
				v.put(GradingService.SCORE, score);
				v.put(GradingService.SPECIAL_DEDUCTIONS, d);
				inputs.add(new Input(v, pcecStars(score, d)));
			}
		}
		return run("grade-pcec", inputs, seconds, perTransaction);
	}

	/** R-GRD-PCEC-3, written independently of the table. */
	private static int pcecStars(double score, int deductions) {
		if (deductions >= 5) {
			return 0;
		}
		return (score >= 95) ? 5 : (score >= 90) ? 4 : (score >= 80) ? 3 : (score >= 70) ? 2 : 0;
	}

	Result cqm(double seconds) {
		List<Input> inputs = new ArrayList<>();
		// one input per result row, 5 .. 0 stars (as bench/feel)
		inputs.add(cqm(5, 95.0, 0.95, true, 0, 95.0, 92.0, 24, 0, 0, 0, 0, 0, 0, 0));
		inputs.add(cqm(4, 85.0, 0.85, true, 1, 85.0, 82.0, 18, 0, 1, 0, 1, 1, 1, 0));
		inputs.add(cqm(3, 75.0, 0.72, true, 0, 75.0, 71.0, 8, 0, 0, 0, 0, 0, 2, 0));
		inputs.add(cqm(2, 62.0, 0.50, true, 0, 65.0, 50.0, 6, 0, 0, 0, 0, 0, 3, 0));
		inputs.add(cqm(1, 55.0, 0.40, true, 2, 40.0, 30.0, 3, 1, 2, 1, 2, 3, 5, 2));
		inputs.add(cqm(0, 95.0, 0.95, false, 0, 95.0, 92.0, 24, 0, 0, 0, 0, 0, 0, 0));
		return run("grade-cqm", inputs, seconds, 1);
	}

	private static Input cqm(int stars, double x, double minRatio, boolean auditPassed, int serious, double survey,
			double faceSurvey, int months, int acc12, int acc24, int neg12, int neg24, int negTotal, int complaints,
			int unrectified) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put(GradingService.CHARACTERISTIC_SCORE, x);
		v.put(GradingService.MIN_INDICATOR_RATIO, minRatio);
		v.put(ScoringVariables.MANAGEMENT_AUDIT_PASSED, auditPassed);
		v.put(ScoringVariables.SERIOUS_NONCONFORMITIES, serious);
		v.put(ScoringVariables.SURVEY_SCORE, survey);
		v.put(ScoringVariables.FACE_SURVEY_SCORE, faceSurvey);
		v.put(ScoringVariables.OPERATING_MONTHS, months);
		v.put(ScoringVariables.LIABILITY_ACCIDENTS_12M, acc12);
		v.put(ScoringVariables.LIABILITY_ACCIDENTS_24M, acc24);
		v.put(ScoringVariables.NEGATIVE_INFO_12M, neg12);
		v.put(ScoringVariables.NEGATIVE_INFO_24M, neg24);
		v.put(ScoringVariables.NEGATIVE_INFO_TOTAL, negTotal);
		v.put(ScoringVariables.MAJOR_COMPLAINTS, complaints);
		v.put(ScoringVariables.MAJOR_COMPLAINTS_UNRECTIFIED, unrectified);
		return new Input(v, stars);
	}

	private Result run(String key, List<Input> inputs, double seconds, int perTransaction) {
		DecisionDefinition definition = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.latestVersion()
			.singleResult();
		for (Input input : inputs) {
			int stars = stars(evaluate(definition, input));
			if (stars != input.stars) {
				throw new IllegalStateException(
						key + " gave " + stars + " stars for " + input.variables + ", expected " + input.stars);
			}
		}
		int[] next = { 0 };
		Runnable step = (perTransaction == 1) ? () -> evaluate(definition, inputs.get(next[0]++ % inputs.size()))
				: () -> this.transaction.executeWithoutResult(status -> {
					for (int i = 0; i < perTransaction; i++) {
						evaluate(definition, inputs.get(next[0]++ % inputs.size()));
					}
				});
		// warm-up: a third of the measuring time, and at least warmUpEvaluations (the JIT
		// needs evaluations, and on
		// a loaded machine a second of wall time may be little CPU time)
		long warmUpEnd = System.nanoTime() + (long) (seconds / 3 * 1e9);
		for (int done = 0; System.nanoTime() < warmUpEnd || done < this.warmUpEvaluations; done += perTransaction) {
			step.run();
		}
		CommitCounter.Snapshot before = CommitCounter.snapshot();
		long jvmBefore = Machine.processCpuNanos();
		double databaseBefore = this.postgres.seconds();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		long evaluations = 0;
		while (System.nanoTime() < end) {
			step.run();
			evaluations += perTransaction;
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		return new Result(key, perTransaction, evaluations, elapsed, CommitCounter.snapshot().minus(before),
				(Machine.processCpuNanos() - jvmBefore) / 1e9, this.postgres.seconds() - databaseBefore);
	}

	private DmnDecisionTableResult evaluate(DecisionDefinition definition, Input input) {
		return this.decisions.evaluateDecisionTableById(definition.getId()).variables(input.variables).evaluate();
	}

	private static int stars(DmnDecisionTableResult result) {
		Object stars = result.getFirstResult().getEntry("stars");
		return ((Number) stars).intValue();
	}

}
