package cn.certflow.grading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** R-GRD-DMN, R-GRD-EXPLAIN: grading through the engine's decision service. */
class GradingServiceEngineTest {

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.configurationResource("camunda-unit.cfg.xml")
		.build();

	private GradingService gradingService;

	/**
	 * The versions in force: here set by the test; the approval itself is tested in
	 * cn.certflow.governance.
	 */
	private final Map<String, ApprovedDecision> approved = new HashMap<>();

	@BeforeEach
	void deployTables() throws IOException {
		ProcessEngine engine = extension.getProcessEngine();
		deploy("rules/grade-pcec.dmn", Files.readString(Path.of("rules/grade-pcec.dmn")));
		deploy("rules/grade-cqm.dmn", Files.readString(Path.of("rules/grade-cqm.dmn")));
		approveLatest("grade-pcec");
		approveLatest("grade-cqm");
		this.gradingService = new GradingService(engine.getDecisionService(), engine.getRepositoryService(),
				PcecScoringTest.CATALOG, this.approved::get);
	}

	private void approveLatest(String key) {
		DecisionDefinition latest = extension.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(key)
			.latestVersion()
			.singleResult();
		this.approved.put(key, new ApprovedDecision(key, latest.getVersion(), latest.getId()));
	}

	private void deploy(String name, String xml) {
		InputStream in = new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
		Deployment deployment = extension.getRepositoryService().createDeployment().addInputStream(name, in).deploy();
		extension.manageDeployment(deployment);
	}

	/** Full marks with some items overridden (variable, value pairs). */
	private static Map<String, Object> pcecScoring(String... overrides) {
		Map<String, Object> v = PcecScoringTest.fullMarks();
		for (int i = 0; i < overrides.length; i += 2) {
			v.put(overrides[i], overrides[i + 1]);
		}
		return v;
	}

	@Test
	void shouldGradeThroughTheEngineWithTheApprovedVersionOnly() throws IOException {
		// R-GRD-DMN: 95 points (A2.2 0 of 5) -> 五星级 on version 1
		Map<String, Object> scoring = pcecScoring("item_A2_2", "0");
		GradeResult first = this.gradingService.grade("PCEC", scoring);
		assertThat(first.score()).isEqualByComparingTo("95");
		assertThat(first.displayScore()).isEqualTo("95.0");
		assertThat(first.stars()).isEqualTo(5);
		assertThat(first.grade()).isEqualTo("五星级");
		assertThat(first.decisionKey()).isEqualTo("grade-pcec");
		int version = first.decisionVersion();

		// a quality manager moves 五星级 to 96 and deploys: not used until approved
		String changed = Files.readString(Path.of("rules/grade-pcec.dmn")).replace("&gt;= 95", "&gt;= 96");
		assertThat(changed).contains("&gt;= 96");
		deploy("rules/grade-pcec.dmn", changed);
		GradeResult unapproved = this.gradingService.grade("PCEC", scoring);
		assertThat(unapproved.decisionVersion()).isEqualTo(version);
		assertThat(unapproved.stars()).isEqualTo(5);

		approveLatest("grade-pcec");
		GradeResult second = this.gradingService.grade("PCEC", scoring);
		assertThat(second.decisionVersion()).isEqualTo(version + 1);
		assertThat(second.decisionDefinitionId()).isNotEqualTo(first.decisionDefinitionId());
		assertThat(second.stars()).isEqualTo(4);
		assertThat(second.grade()).isEqualTo("四星级");
		// R-GRD-EXPLAIN: the explanation reads the deployed table, not Java thresholds
		assertThat(second.explanation()).first().isEqualTo("五星级未达到：score 95 < 96");

		// every evaluation is in the decision history, with the definition used
		HistoryService history = extension.getHistoryService();
		List<HistoricDecisionInstance> instances = history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey("grade-pcec")
			.includeInputs()
			.includeOutputs()
			.list();
		assertThat(instances).extracting(HistoricDecisionInstance::getDecisionDefinitionId)
			.contains(first.decisionDefinitionId(), second.decisionDefinitionId());
		HistoricDecisionInstance latest = history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionId(second.decisionDefinitionId())
			.includeOutputs()
			.singleResult();
		assertThat(latest.getOutputs()).anySatisfy((output) -> {
			assertThat(output.getVariableName()).isEqualTo("stars");
			assertThat(output.getValue()).isEqualTo(4);
		});
	}

	@Test
	void shouldExplainEachLevelAboveTheAwardedOne() {
		// R-GRD-EXPLAIN: 84 points -> 三星级; 五星级 and 四星级 fail on score
		GradeResult result = this.gradingService.grade("ZHHT",
				pcecScoring("item_A2_2", "0", "item_A5_2", "0", "item_C2_2", "2"));
		assertThat(result.stars()).isEqualTo(3);
		assertThat(result.schemeId()).isEqualTo("ZHHT");
		assertThat(result.explanation()).containsExactly("五星级未达到：score 84 < 95", "四星级未达到：score 84 < 90",
				"评定为三星级：第 3 条规则（Rule_ThreeStars）全部条件满足");
		// five special deductions: 不合格 even with 100 points
		GradeResult deducted = this.gradingService.grade("PCEC", pcecScoring("item_A1_1", "1"));
		assertThat(deducted.stars()).isEqualTo(5);
		Map<String, Object> five = pcecScoring();
		List<Map<String, Object>> deductions = new java.util.ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			deductions.add(PcecScoringTest.row(
					(i <= 2) ? SpecialDeductionKind.LAW : SpecialDeductionKind.INDUSTRY_REQUIREMENTS, "发现 " + i,
					"记录 " + i));
		}
		five.put("deductions", deductions);
		five.put("strengths", PcecScoringTest.strengths(5));
		GradeResult failed = this.gradingService.grade("PCEC", five);
		assertThat(failed.stars()).isZero();
		assertThat(failed.grade()).isEqualTo("不合格");
		assertThat(failed.explanation()).startsWith("五星级未达到：特别扣分项数 5 ≥ 5");
		// issue 20.8: the decider reads every special item in the explanation
		assertThat(failed.explanation()).contains("特别扣分项 5 项（每项扣 1 分，均列为不符合项，须整改）：", "  1. 不符合国家法律、法规的要求：发现 1（证据：记录 1）",
				"特别加分项 5 项，共加 1 分：");
	}

	@Test
	void shouldKeepTheExplanationWithinItsColumnAndNameWhatTheCasePageLists() {
		// issue 20.8: 100 strengths with long descriptions; the explanation stays within
		// audit_score.explanation / certificate.grade_explanation (4000)
		Map<String, Object> v = pcecScoring();
		List<Map<String, Object>> rows = new java.util.ArrayList<>();
		for (int i = 1; i <= 100; i++) {
			rows.add(PcecScoringTest.row(SpecialStrengthKind.INDUSTRY_LEADING, "特别优势".repeat(40) + i, "记录 " + i));
		}
		v.put("strengths", rows);
		GradeResult result = this.gradingService.grade("PCEC", v);
		assertThat(String.join("\n", result.explanation()).length()).isLessThanOrEqualTo(4000);
		assertThat(result.explanation()).contains("特别加分项 100 项，共加 1 分：");
		assertThat(result.explanation().get(result.explanation().size() - 1)).matches("……其余 \\d+ 行见案卷页面的评分表");
	}

	@Test
	void shouldGradeCqmAndExplainTheWorkedExample() {
		// R-GRD-CQM-2 例1 through the engine: all else 5★, S_face 75 % -> 3★
		Map<String, Object> v = cqmFiveStars();
		v.put("faceSurveyScore", 75L);
		GradeResult result = this.gradingService.grade("CQM", v);
		assertThat(result.stars()).isEqualTo(3);
		assertThat(result.grade()).isEqualTo("三星级");
		assertThat(result.characteristicScore()).isEqualByComparingTo("100");
		assertThat(result.minIndicatorRatio()).isEqualByComparingTo("1");
		assertThat(result.explanation()).startsWith("五星级未达到：S_face 75 < 90", "四星级未达到：S_face 75 < 80");

		// 例3: one indicator at 70 % -> 3★, explained by the lowest indicator ratio
		Map<String, Object> weak = cqmFiveStars();
		weak.put("indicator_4_1_8", 7.0);
		GradeResult weakResult = this.gradingService.grade("CQM", weak);
		assertThat(weakResult.stars()).isEqualTo(3);
		assertThat(weakResult.displayScore()).isEqualTo("97.0");
		assertThat(weakResult.explanation()).startsWith("五星级未达到：最低指标得分率 0.7 < 0.9");

		// 例2: one rectified major complaint -> 4★
		Map<String, Object> complaint = cqmFiveStars();
		complaint.put("majorComplaints", "1");
		GradeResult complaintResult = this.gradingService.grade("CQM", complaint);
		assertThat(complaintResult.stars()).isEqualTo(4);
		assertThat(complaintResult.explanation()).first().isEqualTo("五星级未达到：重大投诉数 1 ≠ 0");
	}

	static Map<String, Object> cqmFiveStars() {
		Map<String, Object> v = new HashMap<>();
		PcecScoringTest.CATALOG.get("CQM")
			.sheet()
			.items()
			.forEach((item) -> v.put(item.variableName(ScoringMethod.CQM_CHARACTERISTICS), (long) item.points()));
		v.put("surveyScore", 95.0);
		v.put("faceSurveyScore", 92L);
		v.put("managementAuditPassed", true);
		v.put("seriousNonconformities", 0L);
		v.put("operatingMonths", 24L);
		v.put("liabilityAccidents12m", 0L);
		v.put("liabilityAccidents24m", 0L);
		v.put("negativeInfo12m", 0L);
		v.put("negativeInfo24m", 0L);
		v.put("negativeInfoTotal", 0L);
		v.put("majorComplaints", 0L);
		v.put("majorComplaintsUnrectified", 0L);
		return v;
	}

}
