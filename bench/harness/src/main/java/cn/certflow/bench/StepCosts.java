package cn.certflow.bench;

import static cn.certflow.bench.Report.f;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import cn.certflow.audit.OnsiteAudit;

/**
 * What one completion of each kind of task costs, one completion at a time on one thread
 * (issue 22: "a grading step (scoring + DMN + explanation) costs ≤ 1.05× a plain step of
 * the same process"). Around each completion: the statements PostgreSQL ran and their
 * execution time ({@code pg_stat_statements}, read before and after on a connection of
 * its own whose reads are left out), the CPU of the PostgreSQL backends
 * ({@link PostgresCpu}, 10 ms ticks: a mean over many steps), the CPU of the calling
 * thread (the engine completes the task, runs its listeners and flushes on it) and the
 * wall time; and the part of that thread CPU spent in the grading ({@link GradingWork}).
 * Statements and wall time are medians per kind (an asynchronous notice running at the
 * same moment lands in one step's window), CPU figures are means.
 */
final class StepCosts implements AutoCloseable {

	/** The grading step and the plain steps of the same process it is compared with. */
	static final String SCORING = OnsiteAudit.Elements.SCORE_AUDIT;

	static final List<String> PLAIN = List.of(OnsiteAudit.Elements.OPENING_MEETING,
			OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
			OnsiteAudit.Elements.CLOSING_MEETING);

	record Sample(double statements, double execMillis, double databaseCpuMillis, double threadCpuMillis,
			double wallMillis, double gradingCpuMillis, double scoringCpuMillis) {

		double cpuMillis() {
			return this.threadCpuMillis + this.databaseCpuMillis;
		}

	}

	/** The figures of one kind of step. */
	record Kind(String step, int count, double statements, double execMillis, double databaseCpuMillis,
			double threadCpuMillis, double wallMillis, double gradingCpuMillis, double scoringCpuMillis) {

		double cpuMillis() {
			return this.threadCpuMillis + this.databaseCpuMillis;
		}

	}

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private final Map<String, List<Sample>> samples = new LinkedHashMap<>();

	private final Connection connection;

	private final PreparedStatement totals;

	private final PostgresCpu postgres;

	StepCosts(ScratchDatabase db, PostgresCpu postgres) throws SQLException {
		this.postgres = postgres;
		this.connection = db.connect();
		this.totals = this.connection.prepareStatement(
				"select coalesce(sum(s.calls), 0), coalesce(sum(s.total_exec_time), 0)" + StatementCensus.APPLICATIONS);
	}

	/** Completes a task (on this thread) and records what it cost. */
	void measure(String step, Runnable completion) {
		double[] before = totals();
		double databaseBefore = this.postgres.seconds();
		long grading = GradingWork.GRADING.get();
		long scoring = GradingWork.SCORING.get();
		long thread = THREADS.getCurrentThreadCpuTime();
		long wall = System.nanoTime();
		completion.run();
		double wallMillis = (System.nanoTime() - wall) / 1e6;
		double threadMillis = (THREADS.getCurrentThreadCpuTime() - thread) / 1e6;
		double gradingMillis = (GradingWork.GRADING.get() - grading) / 1e6;
		double scoringMillis = (GradingWork.SCORING.get() - scoring) / 1e6;
		double databaseMillis = 1000 * (this.postgres.seconds() - databaseBefore);
		double[] after = totals();
		this.samples.computeIfAbsent(step, (k) -> new ArrayList<>())
			.add(new Sample(after[0] - before[0], after[1] - before[1], databaseMillis, threadMillis, wallMillis,
					gradingMillis, scoringMillis));
	}

	private double[] totals() {
		try (ResultSet rs = this.totals.executeQuery()) {
			rs.next();
			return new double[] { rs.getDouble(1), rs.getDouble(2) };
		}
		catch (SQLException ex) {
			throw new IllegalStateException("pg_stat_statements is not readable", ex);
		}
	}

	List<Kind> kinds() {
		List<Kind> kinds = new ArrayList<>();
		this.samples.forEach((step,
				list) -> kinds.add(new Kind(step, list.size(), median(list, Sample::statements),
						median(list, Sample::execMillis), mean(list, Sample::databaseCpuMillis),
						mean(list, Sample::threadCpuMillis), median(list, Sample::wallMillis),
						mean(list, Sample::gradingCpuMillis), mean(list, Sample::scoringCpuMillis))));
		return kinds;
	}

	Kind kind(String step) {
		return kinds().stream()
			.filter((k) -> k.step().equals(step))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no step " + step + " measured"));
	}

	/**
	 * The plain steps of the onsite audit, averaged: the step a grading step is compared
	 * with. (The closing meeting also ends the audit and deletes its variables — before
	 * issue 22's lever, the 49 item scores the scoring step had set.)
	 */
	Kind plain() {
		List<Kind> plain = PLAIN.stream().map(this::kind).toList();
		ToDoubleFunction<ToDoubleFunction<Kind>> mean = (
				figure) -> plain.stream().mapToDouble(figure).average().orElseThrow();
		return new Kind("mean of " + String.join(", ", PLAIN), plain.stream().mapToInt(Kind::count).sum(),
				mean.applyAsDouble(Kind::statements), mean.applyAsDouble(Kind::execMillis),
				mean.applyAsDouble(Kind::databaseCpuMillis), mean.applyAsDouble(Kind::threadCpuMillis),
				mean.applyAsDouble(Kind::wallMillis), mean.applyAsDouble(Kind::gradingCpuMillis),
				mean.applyAsDouble(Kind::scoringCpuMillis));
	}

	/** The grading step, the mean plain step, and the first ÷ the second by CPU. */
	record GradingStep(Kind scoring, Kind plain) {

		double ratio() {
			return this.scoring.cpuMillis() / this.plain.cpuMillis();
		}

	}

	GradingStep gradingStep() {
		return new GradingStep(kind(SCORING), plain());
	}

	static String table(StepCosts costs) {
		StringBuilder md = new StringBuilder(
				"What one task completion costs, by step (one thread, one completion at a time; statements and wall"
						+ " time median, CPU mean)\n\n");
		md.append("| step | n | statements | PostgreSQL execution ms | PostgreSQL CPU ms | JVM thread CPU ms |"
				+ " wall ms | of it grading (GradingService) ms | AuditScoring.grade ms |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		List<Kind> rows = new ArrayList<>(costs.kinds());
		rows.add(costs.plain());
		for (Kind k : rows) {
			md.append(f("| %s | %d | %.0f | %.2f | %.1f | %.2f | %.1f | %.2f | %.2f |%n", k.step(), k.count(),
					k.statements(), k.execMillis(), k.databaseCpuMillis(), k.threadCpuMillis(), k.wallMillis(),
					k.gradingCpuMillis(), k.scoringCpuMillis()));
		}
		return md.toString();
	}

	private static double median(List<Sample> list, ToDoubleFunction<Sample> figure) {
		double[] values = list.stream().mapToDouble(figure).sorted().toArray();
		int n = values.length;
		return (n % 2 == 1) ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
	}

	private static double mean(List<Sample> list, ToDoubleFunction<Sample> figure) {
		return Arrays.stream(list.stream().mapToDouble(figure).toArray()).average().orElse(Double.NaN);
	}

	@Override
	public void close() throws SQLException {
		this.totals.close();
		this.connection.close();
	}

}
