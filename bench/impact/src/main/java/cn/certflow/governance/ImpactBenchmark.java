package cn.certflow.governance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import cn.certflow.grading.ApprovedDecision;
import cn.certflow.grading.GradingService;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.grading.ScoringMethod;
import cn.certflow.grading.ScoringVariables;
import cn.certflow.grading.SheetItem;
import cn.certflow.system.EngineTime;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 23: how long the impact report of a candidate grade-pcec version takes for N past
 * gradings (default 10,000), as a ratio to the standalone DMN engine's evaluation rate
 * measured in the same run, on the same inputs.
 * <ul>
 * <li>Set-up: an in-memory H2 database migrated by the application's own Flyway
 * migrations; N PCEC audits scored with random item scores (seeded), each graded by
 * grade-pcec v1 (five stars from 95) and stored as the application stores it (audit_score
 * with the entered item scores as JSON, about 60 % with a certificate).</li>
 * <li>Baseline: the standalone DMN engine
 * ({@code DmnEngineConfiguration.createDefaultDmnEngineConfiguration()}, as bench/rules)
 * evaluating v1 on the N input maps, precomputed: evaluations per second.</li>
 * <li>Impact: exactly what the application does for a candidate: {@link PastGradings#of}
 * (the SQL, the item scores parsed, the table inputs computed again by
 * GradingService.decisionInputs), both versions parsed from their XML,
 * {@link ImpactSimulation#run} (the candidate — v1 with five stars from 96 — on every
 * grading, the version in force again on each change, for the rule that fired). Past
 * gradings per second.</li>
 * </ul>
 * Every round checks the report (N evaluated; changed = the gradings with 95 ≤ score &lt;
 * 96 and fewer than 5 special deductions, counted independently) before its time counts.
 * Storing the report is not timed (one batch insert).
 */
public final class ImpactBenchmark {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ImpactBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int gradings = Integer.parseInt(options.getOrDefault("gradings", "10000"));
		int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "3"));
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
		Path out = Path.of(options.getOrDefault("out", "results.md"));

		DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:impact-bench;DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.table("certflow_schema_history")
			.placeholders(Map.of("blobType", "blob"))
			.load()
			.migrate();
		SchemeCatalog schemes = new SchemeCatalog();
		// only decisionInputs is used: no engine, no decision service
		GradingService grading = new GradingService(null, null, schemes, null);
		byte[] v1 = resource("rules/grade-pcec.dmn");
		byte[] v2 = new String(v1, StandardCharsets.UTF_8).replace("&gt;= 95", "&gt;= 96")
			.getBytes(StandardCharsets.UTF_8);
		StandaloneTable inForce = StandaloneTable.parse("grade-pcec", v1);

		System.out.printf("[impact-bench] seeding %,d scored PCEC audits …%n", gradings);
		Seed seed = seed(new JdbcTemplate(dataSource), schemes, grading, inForce, gradings);
		System.out.printf("[impact-bench] seeded: %,d gradings, %,d would change (95 ≤ score < 96), stars %s%n",
				gradings, seed.expectedChanged(), Arrays.toString(seed.starCounts()));

		DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		DmnDecision plainV1 = plain.parseDecision("grade-pcec", new java.io.ByteArrayInputStream(v1));
		PastGradings past = new PastGradings(JdbcClient.create(dataSource), grading, schemes);
		ApprovedDecision approved = new ApprovedDecision("grade-pcec", 1, "grade-pcec:1:bench");

		List<double[]> measured = new ArrayList<>();
		for (int round = 1; round <= warmUp + rounds; round++) {
			// baseline: the standalone engine on the same inputs
			long start = System.nanoTime();
			int fiveStars = 0;
			for (Map<String, Object> inputs : seed.inputs()) {
				Object stars = plain.evaluateDecisionTable(plainV1, inputs).getFirstResult().getEntry("stars");
				fiveStars += ((Number) stars).intValue() == 5 ? 1 : 0;
			}
			double dmnSeconds = (System.nanoTime() - start) / 1e9;
			if (fiveStars != seed.starCounts()[5]) {
				throw new IllegalStateException(
						"baseline gave " + fiveStars + " five-star grades, seeded " + seed.starCounts()[5]);
			}
			// the impact report, as the application computes it
			start = System.nanoTime();
			List<PastEvaluation> evaluations = past.of(approved);
			long read = System.nanoTime();
			ImpactReport report = ImpactSimulation.run(StandaloneTable.parse("grade-pcec", v1),
					StandaloneTable.parse("grade-pcec", v2), evaluations, "bench");
			double impactSeconds = (System.nanoTime() - start) / 1e9;
			double readSeconds = (read - start) / 1e9;
			if (report.evaluated() != gradings || report.changed() != seed.expectedChanged() || report.failed() != 0
					|| report.inconsistent() != 0) {
				throw new IllegalStateException("wrong report: " + report.summary());
			}
			double dmnRate = gradings / dmnSeconds;
			double impactRate = gradings / impactSeconds;
			System.out.printf(
					"[impact-bench] %s %d: standalone DMN %,.0f evaluations/s; impact %.2f s for %,d gradings"
							+ " (read %.2f s) = %,.0f gradings/s; ratio %.3f — %s%n",
					(round <= warmUp) ? "warm-up" : "round", (round <= warmUp) ? round : round - warmUp, dmnRate,
					impactSeconds, gradings, readSeconds, impactRate, impactRate / dmnRate, report.summary());
			if (round > warmUp) {
				measured.add(new double[] { dmnRate, impactSeconds, readSeconds, impactRate, impactRate / dmnRate });
			}
		}
		write(out, gradings, warmUp, measured, seed);
	}

	/**
	 * What was seeded: the inputs (for the baseline), stars per level, and how many
	 * gradings v2 changes.
	 */
	record Seed(List<Map<String, Object>> inputs, int[] starCounts, int expectedChanged) {

		@Override
		public String toString() {
			return Arrays.toString(this.starCounts);
		}

	}

	private static Seed seed(JdbcTemplate jdbc, SchemeCatalog schemes, GradingService grading, StandaloneTable v1,
			int gradings) throws IOException {
		Random random = new Random(23);
		List<SheetItem> items = schemes.get("PCEC").sheet().items();
		OffsetDateTime now = EngineTime.now();
		List<Map<String, Object>> inputs = new ArrayList<>();
		int[] stars = new int[6];
		int changed = 0;
		List<Object[]> clients = new ArrayList<>();
		List<Object[]> applications = new ArrayList<>();
		List<Object[]> audits = new ArrayList<>();
		List<Object[]> scores = new ArrayList<>();
		List<Object[]> certificates = new ArrayList<>();
		for (int i = 1; i <= gradings; i++) {
			// an organisation of quality q loses points item by item; a few items not
			// applicable
			double quality = 0.55 + 0.47 * Math.sqrt(random.nextDouble());
			Map<String, Object> entered = new HashMap<>();
			for (SheetItem item : items) {
				String value;
				if (random.nextDouble() < 0.04) {
					value = ScoringVariables.NOT_APPLICABLE;
				}
				else {
					long earned = Math.round(item.points() * Math.min(1.0, quality + random.nextGaussian() * 0.08));
					value = String.valueOf(Math.max(0, Math.min(item.points(), earned)));
				}
				entered.put(item.variableName(ScoringMethod.GBT27922_SHEET), value);
			}
			double r = random.nextDouble();
			entered.put(ScoringVariables.DEDUCTIONS_LAW, (r < 0.85) ? 0L : (r < 0.97) ? 1L : 5L);
			entered.put(ScoringVariables.DEDUCTIONS_OWN_SERVICE_RULES, 0L);
			entered.put(ScoringVariables.DEDUCTIONS_INDUSTRY, (random.nextDouble() < 0.1) ? 1L : 0L);
			entered.put(ScoringVariables.DEDUCTIONS_SERVICE_SYSTEM, 0L);
			entered.put(ScoringVariables.SPECIAL_STRENGTHS, (random.nextDouble() < 0.2) ? 1L : 0L);
			Map<String, Object> variables = grading.decisionInputs("PCEC", entered);
			Map<String, Object> outcome = v1.evaluate(variables).outputs();
			int given = ((Number) outcome.get("stars")).intValue();
			double score = ((Number) variables.get(GradingService.SCORE)).doubleValue();
			int deductions = ((Number) variables.get(GradingService.SPECIAL_DEDUCTIONS)).intValue();
			stars[given]++;
			changed += (score >= 95 && score < 96 && deductions < 5) ? 1 : 0;
			inputs.add(variables);
			String application = String.format("APP-2026-%06d", i);
			clients.add(new Object[] { i, "基准客户 " + i + " 有限公司", "天津市红桥区 " + i + " 号", String.format("91%016d", i),
					"有限责任公司", now });
			applications.add(new Object[] { i, application, i, "基准客户 " + i + " 有限公司", "天津市红桥区 " + i + " 号", "有限责任公司",
					"PCEC", 5, "01.07", "[\"机械和设备制造业服务\"]", "[\"天津市红桥区\"]", 120, "[]", "CERTIFIED", now, now });
			audits
				.add(new Object[] { i, i, "INITIAL", 5, "lead", Date.valueOf(LocalDate.now()), "CLOSED", "lead", now });
			scores.add(new Object[] { i, i, "PCEC", variables.get(GradingService.SCORE), given, outcome.get("grade"),
					"grade-pcec", 1, "grade-pcec:1", "", JSON.writeValueAsString(new java.util.TreeMap<>(entered)),
					"lead", now });
			if (given > 0 && random.nextDouble() < 0.6) {
				certificates.add(new Object[] { i, String.format("CF-2026-%06d", i), i, 1, "CertFlow", "基准客户 " + i,
						"天津", String.format("91%016d", i), "01.07", "PCEC", "ZCXH/XZ-19-2025", "GB/T 27922-2011", given,
						outcome.get("grade"), "grade-pcec", 1, "", Date.valueOf(LocalDate.now()),
						Date.valueOf(LocalDate.now().plusYears(3)), "decider", "VALID" });
			}
		}
		jdbc.batchUpdate("insert into client (id, name, address, credit_code, legal_status, created_at)"
				+ " values (?, ?, ?, ?, ?, ?)", clients);
		jdbc.batchUpdate("insert into application (id, number, client_id, client_name, client_address, legal_status,"
				+ " scheme, requested_stars, technical_area, categories, sites, headcount, declared_documents, status,"
				+ " received_at, review_due_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", applications);
		jdbc.batchUpdate("insert into audit (id, application_id, audit_type, person_days, lead_auditor, planned_on,"
				+ " status, planned_by, planned_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", audits);
		jdbc.batchUpdate("insert into audit_score (id, audit_id, scheme, score, stars, grade, decision_key,"
				+ " decision_version, decision_definition_id, explanation, item_scores, scored_by, scored_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", scores);
		jdbc.batchUpdate("insert into certificate (id, number, application_id, revision, certification_body,"
				+ " holder_name, holder_address, credit_code, scope, scheme, rule_document, standard, stars, grade,"
				+ " decision_key, decision_version, grade_explanation, issued_on, expires_on, signatory, status)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", certificates);
		return new Seed(inputs, stars, changed);
	}

	private static void write(Path out, int gradings, int warmUp, List<double[]> rounds, Seed seed) throws IOException {
		double[] medians = new double[5];
		double[] mins = new double[5];
		double[] maxs = new double[5];
		for (int column = 0; column < 5; column++) {
			final int c = column;
			double[] values = rounds.stream().mapToDouble((r) -> r[c]).sorted().toArray();
			medians[column] = values[values.length / 2];
			mins[column] = values[0];
			maxs[column] = values[values.length - 1];
		}
		String cpus = String.valueOf(Runtime.getRuntime().availableProcessors());
		String verdict = (maxs[1] <= 10.0) ? "**met** (slowest round " + String.format("%.2f", maxs[1]) + " s)"
				: (medians[1] <= 10.0) ? "met by the median, not by every round" : "**not met**";
		StringBuilder md = new StringBuilder();
		md.append("<!-- generated by bench/impact/run.sh on ").append(LocalDateTime.now().withNano(0)).append(" -->\n");
		md.append(String.format(
				"%,d past grade-pcec gradings (seeded: stars 0/2/3/4/5 = %d/%d/%d/%d/%d; %,d between 95 and 96),"
						+ " %d warm-up + %d measured rounds, single thread, %s CPUs, %s %s.%n%n",
				gradings, seed.starCounts()[0], seed.starCounts()[2], seed.starCounts()[3], seed.starCounts()[4],
				seed.starCounts()[5], seed.expectedChanged(), warmUp, rounds.size(), cpus,
				System.getProperty("java.vm.name"), System.getProperty("java.version")));
		md.append("| figure | median | min – max |\n|---|---:|---:|\n");
		md.append(String.format("| standalone DMN engine, grade-pcec v1 (evaluations/s) | %,.0f | %,.0f – %,.0f |%n",
				medians[0], mins[0], maxs[0]));
		md.append(String.format(
				"| impact report: %,d gradings read, inputs recomputed, both versions evaluated (s) | %.2f | %.2f – %.2f |%n",
				gradings, medians[1], mins[1], maxs[1]));
		md.append(String.format(
				"| … of which reading (SQL, item scores, GradingService.decisionInputs) (s) | %.2f | %.2f – %.2f |%n",
				medians[2], mins[2], maxs[2]));
		md.append(String.format("| impact report (past gradings/s) | %,.0f | %,.0f – %,.0f |%n", medians[3], mins[3],
				maxs[3]));
		md.append(String.format(
				"| **ratio: past gradings/s ÷ standalone DMN evaluations/s** | **%.3f** | %.3f – %.3f |%n", medians[4],
				mins[4], maxs[4]));
		md.append("\nTarget (issue 23): ")
			.append(String.format("%,d", gradings))
			.append(" past gradings in ≤ 10 s: ")
			.append(verdict)
			.append(".\n");
		Files.writeString(out, md.toString());
		System.out.println();
		System.out.print(md);
		System.out.println("written: " + out);
	}

	private static byte[] resource(String name) {
		try (InputStream in = ImpactBenchmark.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " not on the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("options are --name=value: " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

}
