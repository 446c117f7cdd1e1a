package cn.certflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.HashSet;
import java.util.Set;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.application.CertificationDriver;
import cn.certflow.competence.QualificationRole;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.surveillance.AuditForecast;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year of a certification body in compressed time (issue 22): the real models, rules
 * and records on PostgreSQL, simulated staff and clients, the engine clock moved day by
 * day. First {@code --build-up-years} simulated years fill the body with certificates in
 * every phase of their cycle (not measured); then the measured year: applications keep
 * arriving at the same rate and every surveillance, recertification, suspension,
 * complaint and expiry falls due as the models say. Reports simulated days per minute,
 * engine steps (writing transactions) per second, JVM and PostgreSQL CPU per step, and
 * every invariant violation (YearInvariants).
 *
 * <p>
 * Usage: bench/harness/simulate.sh [--certificates=2000] [--days=365]
 * [--build-up-years=3] [--seed=7] [--staff-threads=1]
 * [--server=jdbc:postgresql://127.0.0.1:5432/] [--user=postgres]
 * [--out=target/results-year.md]
 */
public final class YearOfACertificationBody {

	/** Working days per year, for the arrival rate. */
	private static final double WORKING_DAYS = 250;

	/** Share of applications that end in a certificate (refusals, failing grades). */
	private static final double CERTIFIED_SHARE = 0.85;

	private YearOfACertificationBody() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> o = options(args);
		int certificates = Integer.parseInt(o.getOrDefault("certificates", "2000"));
		int days = Integer.parseInt(o.getOrDefault("days", "365"));
		int buildUpYears = Integer.parseInt(o.getOrDefault("build-up-years", "3"));
		Random random = new Random(Long.parseLong(o.getOrDefault("seed", "7")));
		int staffThreads = Integer.parseInt(o.getOrDefault("staff-threads", "1"));
		double perDay = certificates / (3 * WORKING_DAYS * CERTIFIED_SHARE);
		LocalDate yearStart = LocalDate.of(2031, 1, 1);
		LocalDate buildUpStart = yearStart.minusYears(buildUpYears);
		System.out.printf("[year] %d certificates in force wanted: %.2f applications per working day, build-up from %s,"
				+ " measured year from %s (%d days)%n", certificates, perDay, buildUpStart, yearStart, days);
		long began = System.nanoTime();
		try (ScratchDatabase db = ScratchDatabase.create(o.getOrDefault("server", "jdbc:postgresql://127.0.0.1:5432/"),
				o.getOrDefault("user", "postgres"));
				BenchApplication app = BenchApplication.start(db.url(), db.user(),
						Map.of("camunda.bpm.job-execution.enabled", "false"));
				PostgresCpu postgres = new PostgresCpu(db)) {
			db.keep(Boolean.parseBoolean(o.getOrDefault("keep-database", "false")));
			ProcessEngine engine = app.engine;
			CertificationDriver driver = app.bean(CertificationDriver.class);
			for (String user : List.of("reviewer", "lead", "auditor", "decider")) {
				for (QualificationRole role : QualificationRole.values()) {
					driver.qualify(user, role);
				}
			}
			JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
			Set<String> demoCertificates = startEmpty(engine, jdbc);
			Workers workers = new Workers(staffThreads);
			SimulatedStaff.hireCaseDeciders(engine.getIdentityService());
			SimulatedStaff staff = new SimulatedStaff(driver, engine.getTaskService(),
					new FormValues(engine.getFormService()), app.bean(SchemeCatalog.class), random, workers);
			YearInvariants invariants = new YearInvariants(engine.getManagementService(), engine.getRuntimeService(),
					engine.getTaskService(), engine.getHistoryService(), jdbc, demoCertificates);
			ComplaintDesk complaints = new ComplaintDesk(app.bean(AppealCaseService.class), jdbc);
			SimulatedCalendar calendar = new SimulatedCalendar(driver, engine.getManagementService(), staff, complaints,
					invariants, random, perDay, jdbc, workers);

			long buildUp = System.nanoTime();
			calendar.run(buildUpStart, (int) java.time.temporal.ChronoUnit.DAYS.between(buildUpStart, yearStart), true);
			double buildUpMinutes = (System.nanoTime() - buildUp) / 60e9;
			long inForce = inForce(jdbc, demoCertificates);
			int violationsBefore = invariants.total();
			System.out.printf("[year] build-up: %.1f min, %d applications, %d certificates in force, %d violations%n",
					buildUpMinutes, calendar.applications, inForce, violationsBefore);

			ForecastCheck forecast = new ForecastCheck(app.bean(AuditForecast.class), engine.getHistoryService());
			forecast.takeForecast(yearStart, (int) Math.max(1, Math.round(days / 30.44)));
			Map<String, Integer> doneBefore = new HashMap<>(staff.doneByKey());
			int applicationsBefore = calendar.applications;
			int complaintsBefore = complaints.received;
			int jobsBefore = calendar.jobsExecuted;
			CommitCounter.Snapshot commits = CommitCounter.snapshot();
			long cpu = Machine.processCpuNanos();
			double pgCpu = postgres.seconds();
			Map<String, Long> partsBefore = new HashMap<>(calendar.nanos);
			long listingBefore = staff.listingNanos;
			int collisionsBefore = staff.collisions.get() + calendar.jobCollisions;
			long start = System.nanoTime();
			calendar.run(yearStart, days, true);
			double seconds = (System.nanoTime() - start) / 1e9;
			CommitCounter.Snapshot used = CommitCounter.snapshot().minus(commits);
			double jvmCpu = (Machine.processCpuNanos() - cpu) / 1e9;
			double pg = postgres.seconds() - pgCpu;
			long steps = used.writes();

			StringBuilder out = new StringBuilder();
			out.append("# A year of a certification body (bench/harness/simulate.sh)\n\n");
			out.append(Machine.describe("seed " + o.getOrDefault("seed", "7"))).append("\n\n");
			out.append("| figure | value |\n|---|---|\n");
			row(out, "certificates in force at the start of the measured year (demo data left out)", inForce);
			row(out, "certificates in force at its end", inForce(jdbc, demoCertificates));
			row(out, "build-up (" + buildUpYears + " simulated years, not measured)",
					String.format("%.1f min", buildUpMinutes));
			row(out, "simulated days", days);
			row(out, "wall time of the measured year", String.format("%.1f min", seconds / 60));
			row(out, "simulated days per minute", String.format("%.1f", days / (seconds / 60)));
			row(out, "applications / complaints arrived",
					(calendar.applications - applicationsBefore) + " / " + (complaints.received - complaintsBefore));
			row(out, "tasks done / jobs executed",
					sum(staff.doneByKey()) - sum(doneBefore) + " / " + (calendar.jobsExecuted - jobsBefore));
			row(out, "engine steps (writing transactions) / read-only transactions", steps + " / " + used.reads());
			row(out, "engine steps per second", String.format("%.1f", steps / seconds));
			row(out, "people completing tasks and job threads at once (--staff-threads)", staffThreads);
			StringBuilder parts = new StringBuilder();
			calendar.nanos.forEach((part, ns) -> parts.append(parts.isEmpty() ? "" : ", ")
				.append(part)
				.append(String.format(" %.0f s", (ns - partsBefore.getOrDefault(part, 0L)) / 1e9)));
			parts.append(String.format(" (of which listing the open tasks %.0f s)",
					(staff.listingNanos - listingBefore) / 1e9));
			row(out, "wall time of the measured year by part of the day", parts);
			row(out, "task completions and job runs that collided and were done again alone",
					staff.collisions.get() + calendar.jobCollisions - collisionsBefore);
			row(out, "JVM CPU per step", String.format("%.2f ms", 1000 * jvmCpu / Math.max(1, steps)));
			row(out, "PostgreSQL CPU per step", String.format("%.2f ms", 1000 * pg / Math.max(1, steps)));
			row(out, "invariant violations in the measured year", invariants.total() - violationsBefore);
			row(out, "invariant violations in the build-up", violationsBefore);
			row(out, "job runs that threw (left to retries)", invariants.failedJobRuns);
			out.append("\nTasks done over both parts, by task: ").append(staff.doneByKey()).append("\n\n");
			if (!staff.unknownKeys().isEmpty()) {
				out.append("Tasks done with their form's plausible values (no habit described): ")
					.append(staff.unknownKeys().keySet())
					.append("\n\n");
			}
			row(out, "tasks whose completion the application refused (left open)", staff.refused().size());
			forecast.report(out);
			staff.refused()
				.values()
				.stream()
				.limit(5)
				.forEach((reason) -> out.append("- refused: ").append(reason).append('\n'));
			out.append('\n');
			invariants.violations()
				.forEach((kind, n) -> out.append("- violation: ")
					.append(kind)
					.append(" × ")
					.append(n)
					.append(", e.g. ")
					.append(invariants.examples().get(kind))
					.append('\n'));
			invariants.failureExamples.forEach((e) -> out.append("- job failure: ").append(e).append('\n'));
			System.out.println(out);
			Path file = Path.of(o.getOrDefault("out", "target/results-year.md"));
			write(file, out.toString());
			System.out.printf("[year] total %.1f min; written to %s%n", (System.nanoTime() - began) / 60e9, file);
			System.out.printf("[year] days/min %.1f, steps/s %.1f, JVM CPU/step %.2f ms, violations %d%n",
					days / (seconds / 60), steps / seconds, 1000 * jvmCpu / Math.max(1, steps),
					invariants.total() - violationsBefore);
		}
		System.exit(0);
	}

	/**
	 * The demo profile's own applications and certificates (the demo accounts' data) are
	 * not part of the simulated body: their process instances are removed and their
	 * certificates left out of the invariants.
	 */
	private static Set<String> startEmpty(ProcessEngine engine, JdbcTemplate jdbc) {
		List<String> running = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.list()
			.stream()
			.filter((p) -> p.getId().equals(p.getRootProcessInstanceId()))
			.map((p) -> p.getId())
			.toList();
		if (!running.isEmpty()) {
			engine.getRuntimeService()
				.deleteProcessInstances(running, "the simulation starts without demo data", true, true);
		}
		System.out.printf("[year] %d demo process instances removed%n", running.size());
		return new HashSet<>(jdbc.queryForList("select number from certificate", String.class));
	}

	private static long inForce(JdbcTemplate jdbc, Set<String> leftOut) {
		return jdbc.queryForList("select number from certificate where status in ('VALID', 'SUSPENDED')", String.class)
			.stream()
			.filter((number) -> !leftOut.contains(number))
			.count();
	}

	private static int sum(Map<String, Integer> counts) {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static void row(StringBuilder out, String what, Object value) {
		out.append("| ").append(what).append(" | ").append(value).append(" |\n");
	}

	private static void write(Path file, String text) throws IOException {
		if (file.getParent() != null) {
			Files.createDirectories(file.getParent());
		}
		Files.writeString(file, text);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("unknown argument " + arg + " (use --name=value)");
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

}
