package cn.certflow.forms;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.certflow.grading.ApprovedDecision;
import cn.certflow.grading.GradeResult;
import cn.certflow.grading.GradingService;
import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.grading.ScoringVariables;
import cn.certflow.grading.SheetItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The score and grade preview of the scoring forms (issue 7) agrees with the engine: the
 * preview's FEEL expression (which form-js evaluates live in Tasklist) is evaluated here
 * with the engine's FEEL engine on many score sheets, and its score and grade must equal
 * what {@link GradingService} gets from the deployed DMN tables (R-GRD-PCEC-1..3,
 * R-GRD-CQM-1/2). The DMN stays authoritative; this test catches a preview that drifts
 * from the tables or the sheets in the repository.
 */
class ScoringPreviewTest {

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.configurationResource("camunda-unit.cfg.xml")
		.build();

	private static final SchemeCatalog CATALOG = new SchemeCatalog();

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern GRADE = Pattern.compile("预评等级</th><td><strong>([^<]+)</strong>");

	private static final Pattern PCEC_SCORE = Pattern.compile("得分（限 0–100）</th><td><strong>([^<]+)</strong>");

	private static final Pattern CQM_X = Pattern.compile("服务特性得分 X</th><td><strong>([^<]+)</strong>");

	/** Facts that must change together (counts that include one another). */
	private static final List<List<String>> RELATED = List.of(
			List.of(ScoringVariables.LIABILITY_ACCIDENTS_12M, ScoringVariables.LIABILITY_ACCIDENTS_24M),
			List.of(ScoringVariables.NEGATIVE_INFO_12M, ScoringVariables.NEGATIVE_INFO_24M,
					ScoringVariables.NEGATIVE_INFO_TOTAL),
			List.of(ScoringVariables.MAJOR_COMPLAINTS, ScoringVariables.MAJOR_COMPLAINTS_UNRECTIFIED));

	private static ParsedExpression pcecPreview;

	private static ParsedExpression cqmPreview;

	private GradingService gradingService;

	@BeforeAll
	static void readPreviews() throws IOException {
		pcecPreview = preview("forms/audit-scoring-pcec.form");
		cqmPreview = preview("forms/audit-scoring-cqm.form");
	}

	@BeforeEach
	void deployTables() throws IOException {
		ProcessEngine engine = extension.getProcessEngine();
		for (String table : List.of("rules/grade-pcec.dmn", "rules/grade-cqm.dmn")) {
			Deployment deployment = engine.getRepositoryService()
				.createDeployment()
				.addInputStream(table, new ByteArrayInputStream(Files.readAllBytes(Path.of(table))))
				.deploy();
			extension.manageDeployment(deployment);
		}
		// the tables as deployed here are the versions in force (approval is not what
		// this test is about)
		this.gradingService = new GradingService(engine.getDecisionService(), engine.getRepositoryService(), CATALOG,
				(key) -> {
					DecisionDefinition latest = engine.getRepositoryService()
						.createDecisionDefinitionQuery()
						.decisionDefinitionKey(key)
						.latestVersion()
						.singleResult();
					return new ApprovedDecision(key, latest.getVersion(), latest.getId());
				});
	}

	@Test
	void pcecPreviewShowsTheEnginesScoreAndGradeOnRandomSheets() {
		// R-GRD-PCEC-1..3: 150 sheets with not-applicable items, deductions and
		// strengths, every grade reached
		Scheme pcec = CATALOG.get("PCEC");
		Random random = new Random(27922);
		Map<String, Integer> gradesSeen = new HashMap<>();
		for (int n = 0; n < 150; n++) {
			Map<String, Object> sheet = new HashMap<>();
			double quality = (n % 10 == 0) ? 1 : 0.55 + 0.45 * random.nextDouble();
			// every tenth sheet near full marks, so that five stars are reached
			double spread = (n % 10 == 0) ? 0.03 : 0.3;
			for (SheetItem item : pcec.sheet().items()) {
				String value = (random.nextInt(12) == 0) ? ScoringVariables.NOT_APPLICABLE
						: String.valueOf(Math.max(0, Math.min(item.points(),
								(int) Math.round(item.points() * (quality + spread * random.nextGaussian())))));
				sheet.put(item.variableName(pcec.scoring()), value);
			}
			boolean many = random.nextInt(15) == 0;
			sheet.put(ScoringVariables.DEDUCTIONS,
					rows("LAW", (many ? 5 : 0) + random.nextInt(3) / 2 + random.nextInt(4) / 3));
			sheet.put(ScoringVariables.STRENGTHS, rows("INDUSTRY_LEADING", random.nextInt(7) / 3));
			GradeResult engine = this.gradingService.grade("PCEC", sheet);
			String preview = evaluate(pcecPreview, "PCEC", sheet);
			assertThat(find(GRADE, preview)).as("grade of sheet %d %s", n, sheet).isEqualTo(engine.grade());
			assertThat(find(PCEC_SCORE, preview)).as("score of sheet %d", n).isEqualTo(engine.displayScore());
			gradesSeen.merge(engine.grade(), 1, Integer::sum);
		}
		assertThat(gradesSeen).containsOnlyKeys("五星级", "四星级", "三星级", "达标级", "不合格");
	}

	@Test
	void pcecPreviewAtTheThresholds() {
		Scheme pcec = CATALOG.get("PCEC");
		// 95 exactly (A2.2: 0 of 5) is 五星级; 5 deductions are 不合格 whatever the score
		// (R-GRD-PCEC-3)
		Map<String, Object> sheet = fullMarks(pcec);
		sheet.put("item_A2_2", "0");
		assertThat(find(GRADE, evaluate(pcecPreview, "PCEC", sheet))).isEqualTo("五星级");
		assertThat(find(PCEC_SCORE, evaluate(pcecPreview, "PCEC", sheet))).isEqualTo("95.0");
		sheet.put(ScoringVariables.DEDUCTIONS, rows("LAW", 5));
		assertThat(find(GRADE, evaluate(pcecPreview, "PCEC", sheet))).isEqualTo("不合格")
			.isEqualTo(this.gradingService.grade("PCEC", sheet).grade());
		assertThat(evaluate(pcecPreview, "PCEC", sheet)).contains("五星级未达到：得分 ≥ 95（实为 90）", "四星级未达到：特别扣分项数 < 5（实为 5）");
		// not applicable items leave both sides: 94 of 99 applicable points (A2.2 0 of 5,
		// A1.1 not applicable)
		sheet = fullMarks(pcec);
		sheet.put("item_A2_2", "0");
		sheet.put("item_A1_1", ScoringVariables.NOT_APPLICABLE);
		assertThat(evaluate(pcecPreview, "PCEC", sheet)).contains("<td>94 / 99</td>").contains("（不适用 1 条）");
		assertThat(find(PCEC_SCORE, evaluate(pcecPreview, "PCEC", sheet))).isEqualTo("94.9")
			.isEqualTo(this.gradingService.grade("PCEC", sheet).displayScore());
	}

	@Test
	void previewFollowsATableVersionWithAChangedThreshold() throws IOException {
		// issue 20 point 12, R-GRD-DMN: a quality manager raises 五星级 from 95 to 96 in
		// Camunda Modeler and the version comes into force; the live preview follows the
		// table, with no change to the form
		deployPcecTableWith("&gt;= 95", "&gt;= 96");
		Map<String, Object> sheet = fullMarks(CATALOG.get("PCEC"));
		sheet.put("item_A2_2", "0");
		GradeResult engine = this.gradingService.grade("PCEC", sheet);
		assertThat(engine.decisionVersion()).isEqualTo(2);
		assertThat(engine.grade()).isEqualTo("四星级");
		String preview = evaluate(pcecPreview, "PCEC", sheet);
		assertThat(find(GRADE, preview)).isEqualTo("四星级");
		assertThat(preview).contains("五星级未达到：得分 ≥ 96（实为 95）").contains("grade-pcec 第 2 版（生效版本）");
	}

	@Test
	void previewSaysItCannotFollowATableItCannotRead() throws IOException {
		// a condition the preview cannot compute makes it say so, never a wrong grade
		deployPcecTableWith("&gt;= 90", "[90..95)");
		String preview = evaluate(pcecPreview, "PCEC", fullMarks(CATALOG.get("PCEC")));
		assertThat(find(GRADE, preview)).isEqualTo("—");
		assertThat(preview).contains("无法用于预览").contains("[90..95)");
	}

	@Test
	void pcecPreviewNamesTheItemsNotScoredYet() {
		Scheme pcec = CATALOG.get("PCEC");
		Map<String, Object> sheet = fullMarks(pcec);
		sheet.remove("item_B4_3");
		sheet.put("item_C2_2", null);
		String preview = evaluate(pcecPreview, "PCEC", sheet);
		assertThat(preview).contains("尚有 2 条未评分").contains("B4.3、C2.2").contains("<td>47 / 49（不适用 0 条）</td>");
		// an empty form shows no grade, without failing
		String empty = evaluate(pcecPreview, "PCEC", new HashMap<>());
		assertThat(empty).contains("尚有 49 条未评分");
		assertThat(find(GRADE, empty)).isEqualTo("—");
	}

	@Test
	void cqmPreviewShowsTheEnginesGradeOnRandomFacts() {
		// R-GRD-CQM-1: 150 random fact sets around the row thresholds
		Scheme cqm = CATALOG.get("CQM");
		Random random = new Random(6001);
		Map<String, Integer> gradesSeen = new HashMap<>();
		for (int n = 0; n < 150; n++) {
			Map<String, Object> facts = new HashMap<>();
			double level = 0.45 + 0.55 * random.nextDouble();
			for (SheetItem item : cqm.sheet().items()) {
				double ratio = Math.min(1, Math.max(0, level + 0.1 * random.nextGaussian()));
				facts.put(item.variableName(cqm.scoring()), Math.round(item.points() * ratio * 10) / 10.0);
			}
			facts.put(ScoringVariables.SURVEY_SCORE, (double) Math.min(100, 50 + random.nextInt(52)));
			facts.put(ScoringVariables.FACE_SURVEY_SCORE, (double) Math.min(100, 55 + random.nextInt(47)));
			facts.put(ScoringVariables.MANAGEMENT_AUDIT_PASSED, random.nextInt(12) != 0);
			facts.put(ScoringVariables.SERIOUS_NONCONFORMITIES, (random.nextInt(10) == 0) ? 1 : 0);
			facts.put(ScoringVariables.OPERATING_MONTHS, List.of(3, 6, 11, 12, 36).get(random.nextInt(5)));
			int accidents12 = (random.nextInt(12) == 0) ? 1 : 0;
			int accidents24 = accidents12 + ((random.nextInt(8) == 0) ? 1 : 0);
			facts.put(ScoringVariables.LIABILITY_ACCIDENTS_12M, accidents12);
			facts.put(ScoringVariables.LIABILITY_ACCIDENTS_24M, accidents24);
			int negative12 = (random.nextInt(12) == 0) ? 1 : 0;
			int negative24 = negative12 + ((random.nextInt(10) == 0) ? 1 : 0);
			facts.put(ScoringVariables.NEGATIVE_INFO_12M, negative12);
			facts.put(ScoringVariables.NEGATIVE_INFO_24M, negative24);
			facts.put(ScoringVariables.NEGATIVE_INFO_TOTAL, negative24 + ((random.nextInt(10) == 0) ? 1 : 0));
			int complaints = List.of(0, 0, 0, 1, 2, 3, 4).get(random.nextInt(7));
			facts.put(ScoringVariables.MAJOR_COMPLAINTS, complaints);
			facts.put(ScoringVariables.MAJOR_COMPLAINTS_UNRECTIFIED,
					(complaints > 0 && random.nextInt(6) == 0) ? 1 : 0);
			if (n % 3 == 0) {
				// near the top: five-star facts with one or two of the random ones
				Map<String, Object> top = cqmFiveStars();
				List<String> names = new ArrayList<>(top.keySet());
				for (int k = random.nextInt(3); k > 0; k--) {
					String name = names.get(random.nextInt(names.size()));
					for (String related : RELATED.stream()
						.filter((group) -> group.contains(name))
						.findFirst()
						.orElse(List.of(name))) {
						top.put(related, facts.get(related));
					}
				}
				facts = top;
			}
			GradeResult engine = this.gradingService.grade("CQM", facts);
			String preview = evaluate(cqmPreview, "CQM", facts);
			assertThat(find(GRADE, preview)).as("grade of facts %d %s", n, facts).isEqualTo(engine.grade());
			assertThat(new java.math.BigDecimal(find(CQM_X, preview))).as("X of facts %d", n)
				.isEqualByComparingTo(engine.characteristicScore());
			gradesSeen.merge(engine.grade(), 1, Integer::sum);
		}
		assertThat(gradesSeen).containsOnlyKeys("五星级", "四星级", "三星级", "二星级", "一星级", "不合格");
	}

	@Test
	void cqmPreviewHoldsTheSeedsWorkedExamplesAndSaysWhatFailed() {
		// R-GRD-CQM-2: all else 5★ but S_face 75 % -> 3★; one rectified major complaint
		// -> 4★; one indicator at 70 % -> 3★
		Map<String, Object> facts = cqmFiveStars();
		facts.put(ScoringVariables.FACE_SURVEY_SCORE, 75.0);
		String preview = evaluate(cqmPreview, "CQM", facts);
		assertThat(find(GRADE, preview)).isEqualTo("三星级");
		assertThat(preview).contains("五星级未达到：当面问卷调查 ≥ 90（实为 75）", "四星级未达到：当面问卷调查 ≥ 80（实为 75）");

		facts = cqmFiveStars();
		facts.put(ScoringVariables.MAJOR_COMPLAINTS, 1);
		assertThat(find(GRADE, evaluate(cqmPreview, "CQM", facts))).isEqualTo("四星级");

		facts = cqmFiveStars();
		facts.put("indicator_4_1_4", 17.5);
		preview = evaluate(cqmPreview, "CQM", facts);
		assertThat(find(GRADE, preview)).isEqualTo("三星级");
		assertThat(preview).contains("最低 70%（4.1.4 技术支持）");
	}

	// --- helpers

	/**
	 * A new version of grade-pcec, as a quality manager deploys it from Camunda Modeler:
	 * the repository's table with one cell text changed; here the latest is in force.
	 */
	private static void deployPcecTableWith(String cell, String changedTo) throws IOException {
		String changed = Files.readString(Path.of("rules/grade-pcec.dmn")).replace(cell, changedTo);
		extension.manageDeployment(extension.getProcessEngine()
			.getRepositoryService()
			.createDeployment()
			.addString("grade-pcec.dmn", changed)
			.deploy());
	}

	private static Map<String, Object> fullMarks(Scheme scheme) {
		Map<String, Object> sheet = new HashMap<>();
		for (SheetItem item : scheme.sheet().items()) {
			sheet.put(item.variableName(scheme.scoring()), String.valueOf(item.points()));
		}
		sheet.put(ScoringVariables.DEDUCTIONS, List.of());
		sheet.put(ScoringVariables.STRENGTHS, List.of());
		return sheet;
	}

	/**
	 * n rows of a special-item list of one kind, as the form's dynamic list holds them.
	 */
	static List<Map<String, Object>> rows(String kind, int n) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			rows.add(Map.of(ScoringVariables.ROW_KIND, kind, ScoringVariables.ROW_DESCRIPTION, "发现 " + i,
					ScoringVariables.ROW_EVIDENCE, "记录 " + i));
		}
		return rows;
	}

	private static Map<String, Object> cqmFiveStars() {
		Scheme cqm = CATALOG.get("CQM");
		Map<String, Object> facts = new LinkedHashMap<>();
		for (SheetItem item : cqm.sheet().items()) {
			facts.put(item.variableName(cqm.scoring()), (double) item.points());
		}
		facts.put(ScoringVariables.SURVEY_SCORE, 95.0);
		facts.put(ScoringVariables.FACE_SURVEY_SCORE, 95.0);
		facts.put(ScoringVariables.MANAGEMENT_AUDIT_PASSED, true);
		facts.put(ScoringVariables.SERIOUS_NONCONFORMITIES, 0);
		facts.put(ScoringVariables.OPERATING_MONTHS, 24);
		for (String zero : List.of(ScoringVariables.LIABILITY_ACCIDENTS_12M, ScoringVariables.LIABILITY_ACCIDENTS_24M,
				ScoringVariables.NEGATIVE_INFO_12M, ScoringVariables.NEGATIVE_INFO_24M,
				ScoringVariables.NEGATIVE_INFO_TOTAL, ScoringVariables.MAJOR_COMPLAINTS,
				ScoringVariables.MAJOR_COMPLAINTS_UNRECTIFIED)) {
			facts.put(zero, 0);
		}
		return facts;
	}

	/**
	 * The FEEL expression of the form's preview text (without its leading "="), parsed.
	 */
	static ParsedExpression preview(String file) throws IOException {
		JsonNode form = new ObjectMapper().readTree(new File(file));
		List<String> texts = new ArrayList<>();
		forEachComponent(form, (component) -> {
			if ("Text_Preview".equals(component.path("id").asText())) {
				texts.add(component.path("text").asText());
			}
		});
		assertThat(texts).as("one preview text in %s", file).hasSize(1);
		assertThat(texts.get(0)).startsWith("=");
		ParseResult parsed = FEEL.parseExpression(texts.get(0).substring(1));
		assertThat(parsed.isSuccess()).as("preview of %s parses: %s", file, parsed.isSuccess() ? "" : parsed.failure())
			.isTrue();
		return parsed.parsedExpression();
	}

	static void forEachComponent(JsonNode container, Consumer<JsonNode> action) {
		container.path("components").forEach((component) -> {
			action.accept(component);
			forEachComponent(component, action);
		});
	}

	/**
	 * The preview as Tasklist shows it on the scoring task: with the grade table in force
	 * that the task's create listener gives it (issue 20 point 12).
	 */
	private String evaluate(ParsedExpression expression, String schemeId, Map<String, Object> variables) {
		Map<String, Object> withTable = new HashMap<>(variables);
		withTable.put("gradeTable", JSON.convertValue(this.gradingService.gradeTableInForce(schemeId), Map.class));
		return evaluate(expression, withTable);
	}

	static String evaluate(ParsedExpression expression, Map<String, Object> variables) {
		EvaluationResult result = FEEL.evaluate(expression, variables);
		assertThat(result.isSuccess()).as("preview evaluates: %s", result.isSuccess() ? "" : result.failure()).isTrue();
		assertThat(result.result()).isInstanceOf(String.class);
		return (String) result.result();
	}

	private static String find(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
		return matcher.group(1);
	}

}
