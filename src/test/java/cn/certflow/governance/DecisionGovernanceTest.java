package cn.certflow.governance;

import static cn.certflow.governance.DecisionTableChange.Elements.APPROVE_CHANGE;
import static cn.certflow.governance.DecisionTableChange.Elements.CHANGE_APPLIED;
import static cn.certflow.governance.DecisionTableChange.Elements.CHANGE_DECLINED;
import static cn.certflow.governance.DecisionTableChange.Elements.CHANGE_REJECTED;
import static cn.certflow.governance.DecisionTableChange.Elements.REVIEW_FAILED_CASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.grading.GradeResult;
import cn.certflow.grading.GradingService;
import cn.certflow.planning.AuditTimeService;
import cn.certflow.planning.AuditType;
import cn.certflow.system.InvalidInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * R-GRD-DMN, governed change of the grade and audit-time tables, in the whole
 * application: the release's tables are the baseline; a change that breaks a case is
 * never used and the quality managers get every failing case; a passing change waits for
 * a second quality manager (the deployer is refused, 403) and then applies to the next
 * grading, the next audit-time lookup and the initial-certification business rule task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "certflow.governance.check-interval=PT1S")
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DecisionGovernanceTest {

	/** The demo profile's second quality manager (four eyes, R-GRD-DMN). */
	static final String SECOND_QM = "quality2";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	TaskService tasks;

	@Autowired
	NewDecisionVersions newVersions;

	@Autowired
	DecisionApprovals approvals;

	@Autowired
	GradingService grading;

	@Autowired
	AuditTimeService auditTime;

	@Autowired
	CertificationDriver driver;

	@Autowired
	TestRestTemplate http;

	@BeforeEach
	void bindAssertions() {
		init(this.engine);
	}

	@Test
	void shouldApproveTheReleasesOwnTablesAsTheBaselineAtStartUp() {
		// R-GRD-DMN: first deployment, cases passing -> approved by the release at
		// start-up
		Map<String, Integer> caseCounts = Map.of("grade-pcec", 17, "grade-cqm", 27, "audit-time", 56);
		caseCounts.forEach((key, count) -> {
			List<DecisionApproval> records = this.approvals.ofKey(key);
			DecisionApproval baseline = records.get(records.size() - 1);
			assertThat(baseline.status()).isEqualTo(ApprovalStatus.APPROVED);
			assertThat(baseline.proposedBy()).isEqualTo("release");
			assertThat(baseline.decidedBy()).isEqualTo("release");
			assertThat(baseline.comment()).contains("基线");
			assertThat(baseline.caseCount()).isEqualTo(count);
			assertThat(baseline.failedCount()).isZero();
			assertThat(baseline.casesSource()).endsWith("rules/" + key + ".cases.json");
			assertThat(baseline.processInstanceId()).isNull();
			assertThat(this.repository.createDeploymentQuery()
				.deploymentId(baseline.deploymentId())
				.singleResult()
				.getName()).isEqualTo("SpringAutoDeployment");
		});
		assertThat(this.grading.grade("PCEC", this.driver.sheetScores("PCEC", 5)).decisionKey())
			.isEqualTo("grade-pcec");
	}

	@Test
	void shouldNotUseAChangeThatBreaksACaseAndGiveQualityManagersTheFailingCases() throws IOException {
		// R-GRD-DMN: 达标级 moved from 70 to 75, deployed without cases: the last approved
		// cases run and fail
		GradeResult before = this.grading.grade("PCEC", this.driver.sheetScores("PCEC", 30));
		assertThat(before.grade()).isEqualTo("达标级");
		String broken = table("grade-pcec").replace("&gt;= 70", "&gt;= 75");
		DecisionDefinition candidate = deploy("quality", "grade-pcec", broken, null);

		DecisionApproval record = settled(candidate);
		assertThat(record.status()).isEqualTo(ApprovalStatus.REJECTED);
		assertThat(record.proposedBy()).as("the deployer, from the user operation log").isEqualTo("quality");
		assertThat(record.casesSource()).endsWith("批准的用例");
		assertThat(record.failedCount()).isGreaterThanOrEqualTo(2);

		// never used: the next grading still uses the version in force
		GradeResult after = this.grading.grade("PCEC", this.driver.sheetScores("PCEC", 30));
		assertThat(after.decisionVersion()).isEqualTo(before.decisionVersion()).isLessThan(candidate.getVersion());
		assertThat(after.grade()).isEqualTo("达标级");

		// the quality managers' task lists every failing case, expected vs actual
		ProcessInstance instance = process(record);
		assertThat(instance).isWaitingAt(REVIEW_FAILED_CASES).task().hasCandidateGroup("quality-managers");
		Task task = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(task.getName()).endsWith("grade-pcec v" + candidate.getVersion());
		String report = (String) this.tasks.getVariable(task.getId(), "caseReport");
		assertThat(report).contains("✗ 70 分：score=70, specialDeductions=0；期望 stars=2, grade=达标级；实际 stars=0, grade=不合格",
				"✗ 70 分、4 项特别扣分：score=70, specialDeductions=4；期望 stars=2, grade=达标级；实际 stars=0, grade=不合格");
		assertThat((String) this.tasks.getVariable(task.getId(), "changes"))
			.contains("规则 Rule_Compliant（第 4 行）score：>= 70 → >= 75");

		this.driver.as(SECOND_QM, () -> this.tasks.complete(task.getId(), Map.of("reviewNote", "误改了达标级下限")));
		assertThat(instance).isEnded().hasPassed(CHANGE_REJECTED);
		DecisionApproval reviewed = this.approvals.get(record.id()).orElseThrow();
		assertThat(reviewed.reviewedBy()).isEqualTo(SECOND_QM);
		assertThat(reviewed.reviewNote()).isEqualTo("误改了达标级下限");
		assertThat(reviewed.status()).isEqualTo(ApprovalStatus.REJECTED);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldWaitForASecondQualityManagerThenApplyAPassingChangeWithItsCases() throws IOException {
		// R-GRD-DMN: 五星级 moved to 96, deployed with cases changed to match
		String changed = table("grade-pcec").replace("&gt;= 95", "&gt;= 96");
		ObjectNode cases = (ObjectNode) JSON.readTree(cases("grade-pcec"));
		ArrayNode list = (ArrayNode) cases.get("cases");
		for (int i = 0; i < list.size(); i++) {
			ObjectNode c = (ObjectNode) list.get(i);
			if (c.get("name").asText().equals("95 分")) {
				c.put("description", "五星级下限改为 96：95 分为四星级");
				((ObjectNode) c.get("expected")).put("stars", 4).put("grade", "四星级");
			}
		}
		list.addObject()
			.put("name", "96 分")
			.put("description", "五星级下限 96（含）")
			.set("inputs", JSON.createObjectNode().put("score", 96.0).put("specialDeductions", 0));
		((ObjectNode) list.get(list.size() - 1)).set("expected",
				JSON.createObjectNode().put("stars", 5).put("grade", "五星级"));
		GradeResult before = this.grading.grade("PCEC", this.driver.sheetScores("PCEC", 5));
		assertThat(before.stars()).isEqualTo(5);

		DecisionDefinition candidate = deploy("quality", "grade-pcec", changed, JSON.writeValueAsString(cases));
		DecisionApproval record = settled(candidate);
		assertThat(record.status()).isEqualTo(ApprovalStatus.CANDIDATE);
		assertThat(record.caseCount()).isEqualTo(18);
		assertThat(record.casesSource()).isEqualTo("部署资源 grade-pcec.cases.json");
		assertThat(record.changes()).contains("规则 Rule_FiveStars（第 1 行）score：>= 95 → >= 96", "新增 [96 分]", "修改 [95 分]");

		// not used before the approval
		assertThat(this.grading.grade("PCEC", this.driver.sheetScores("PCEC", 5)).decisionVersion())
			.isEqualTo(before.decisionVersion());
		ProcessInstance instance = process(record);
		assertThat(instance).isWaitingAt(APPROVE_CHANGE).task().hasCandidateGroup("quality-managers");
		Task task = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		// four eyes: the deployer may neither claim nor approve; nobody outside
		// quality-managers either
		assertThatThrownBy(() -> this.driver.as("quality", () -> this.tasks.claim(task.getId(), "quality")))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("four eyes");
		assertThatThrownBy(() -> this.driver.as("quality",
				() -> this.tasks.complete(task.getId(), Map.of("changeApproved", true))))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("quality deployed grade-pcec v" + candidate.getVersion());
		assertThatThrownBy(() -> this.driver.as("reviewer",
				() -> this.tasks.complete(task.getId(), Map.of("changeApproved", true))))
			.isInstanceOf(AuthorizationException.class);
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
		assertThat(this.approvals.get(record.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.CANDIDATE);
		assertThatThrownBy(() -> this.driver.as(SECOND_QM, () -> this.tasks.complete(task.getId(), Map.of())))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("changeApproved");

		OffsetDateTime approvedFrom = OffsetDateTime.now().minusMinutes(1);
		this.driver.as(SECOND_QM, () -> this.tasks.complete(task.getId(),
				Map.of("changeApproved", true, "approvalComment", "按新规则调整五星级下限", "impactReviewed", true)));
		assertThat(instance).isEnded().hasPassed(CHANGE_APPLIED);
		DecisionApproval approved = this.approvals.get(record.id()).orElseThrow();
		assertThat(approved.status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(SECOND_QM);
		assertThat(approved.decidedAt()).isAfter(approvedFrom);
		assertThat(approved.comment()).isEqualTo("按新规则调整五星级下限");

		// the next grading uses it: 95 is four stars now, 96 five
		GradeResult ninetyFive = this.grading.grade("PCEC", this.driver.sheetScores("PCEC", 5));
		assertThat(ninetyFive.decisionVersion()).isEqualTo(candidate.getVersion());
		assertThat(ninetyFive.grade()).isEqualTo("四星级");
		assertThat(ninetyFive.explanation()).first().isEqualTo("五星级未达到：score 95 < 96");
		assertThat(this.grading.grade("PCEC", this.driver.sheetScores("PCEC", 4)).stars()).isEqualTo(5);
		ResponseEntity<Map<String, Object>> api = this.http.withBasicAuth("quality", "quality")
			.exchange("/api/decision-tables/grade-pcec", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((Map<String, Object>) api.getBody().get("inForce")).containsEntry("version", candidate.getVersion())
			.containsEntry("decidedBy", SECOND_QM);
	}

	@Test
	void shouldKeepTheVersionInForceWhenTheSecondQualityManagerDeclines() throws IOException {
		// R-GRD-DMN: only the description changed: cases pass, the approver sees no cell
		// changes and declines
		String reworded = table("grade-cqm").replace("R-GRD-CQM-1 方圆", "R-GRD-CQM-1（改写说明）方圆");
		assertThat(reworded).isNotEqualTo(table("grade-cqm"));
		int inForce = this.approvals.inForce("grade-cqm").version();
		DecisionDefinition candidate = deploy("quality", "grade-cqm", reworded, cases("grade-cqm"));
		DecisionApproval record = settled(candidate);
		assertThat(record.status()).isEqualTo(ApprovalStatus.CANDIDATE);
		assertThat(record.changes()).contains("表格的条件和结果没有变化", "与已批准的用例相同");
		ProcessInstance instance = process(record);
		Task task = task(record);
		assertThatThrownBy(() -> this.driver.as(SECOND_QM,
				() -> this.tasks.complete(task.getId(), Map.of("changeApproved", false))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("approvalComment");
		this.driver.as(SECOND_QM, () -> this.tasks.complete(task.getId(),
				Map.of("changeApproved", false, "approvalComment", "说明没有实质变化，不必发布新版本")));
		assertThat(instance).isEnded().hasPassed(CHANGE_DECLINED);
		DecisionApproval declined = this.approvals.get(record.id()).orElseThrow();
		assertThat(declined.status()).isEqualTo(ApprovalStatus.REJECTED);
		assertThat(declined.decidedBy()).isEqualTo(SECOND_QM);
		assertThat(this.approvals.inForce("grade-cqm").version()).isEqualTo(inForce);
	}

	@Test
	void shouldKeepFourEyesOnTheApprovalRecordWhateverTheProcessVariablesSay() throws IOException {
		// issue 15: who deployed, and which record is approved or reviewed, come from the
		// approval record of the process
		// (decision_approval.process_instance_id), never from its variables, which a task
		// submitter could set
		DecisionApproval baseline = this.approvals.inForceRecord("grade-cqm").orElseThrow();
		Map<String, Object> forged = Map.of("proposedBy", "release", "approvalId", baseline.id());
		DecisionDefinition candidate = deploy("quality", "grade-cqm",
				table("grade-cqm").replace("R-GRD-CQM-1 方圆", "R-GRD-CQM-1（再次改写）方圆"), cases("grade-cqm"));
		DecisionApproval record = settled(candidate);
		Task task = task(record);
		this.engine.getRuntimeService().setVariables(record.processInstanceId(), forged);
		assertThatThrownBy(() -> this.driver.as("quality", () -> this.tasks.claim(task.getId(), "quality")))
			.as("SecondApproverListener")
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("four eyes");
		this.driver.as(SECOND_QM,
				() -> this.tasks.complete(task.getId(), Map.of("changeApproved", false, "approvalComment", "无实质变化")));
		assertThat(this.approvals.get(record.id()).orElseThrow().status()).as("ChangeApprovalListener")
			.isEqualTo(ApprovalStatus.REJECTED);

		DecisionDefinition broken = deploy("quality", "grade-pcec", table("grade-pcec").replace("&gt;= 70", "&gt;= 75"),
				null);
		DecisionApproval failed = settled(broken);
		Task review = task(failed);
		this.engine.getRuntimeService().setVariables(failed.processInstanceId(), forged);
		this.driver.as(SECOND_QM, () -> this.tasks.complete(review.getId(), Map.of("reviewNote", "误改")));
		assertThat(this.approvals.get(failed.id()).orElseThrow().reviewNote()).as("FailedCasesReviewListener")
			.isEqualTo("误改");
		DecisionApproval inForce = this.approvals.get(baseline.id()).orElseThrow();
		assertThat(inForce.status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(inForce.reviewNote()).isNull();
	}

	@Test
	void shouldApproveAnUnchangedRedeploymentWithoutATask() throws IOException {
		// R-GRD-DMN: a release that redeploys everything brings identical tables: same
		// bytes, same cases
		DecisionApproval inForce = this.approvals.inForceRecord("grade-cqm").orElseThrow();
		byte[] same = this.repository
			.getResourceAsStream(inForce.deploymentId(),
					this.repository.getDecisionDefinition(inForce.definitionId()).getResourceName())
			.readAllBytes();
		DecisionDefinition candidate = deploy("quality", "grade-cqm", new String(same, StandardCharsets.UTF_8),
				inForce.casesJson());
		DecisionApproval record = settled(candidate);
		assertThat(record.status()).isEqualTo(ApprovalStatus.APPROVED);
		assertThat(record.decidedBy()).isEqualTo("system");
		assertThat(record.comment()).contains("相同");
		assertThat(record.processInstanceId()).isNull();
	}

	@Test
	void shouldCheckATableDeployedFromModelerAndBindTheBusinessRuleTaskToTheApprovedVersion() throws IOException {
		// R-GRD-DMN, R-PLAN-1: Modeler's deploy button = POST
		// /engine-rest/deployment/create; checked as soon as the
		// deployment commits, before the call returns. Band 51-100 people: initial 4 -> 5
		// person-days, without cases.
		String bigger = table("audit-time").replace("<text>4</text>", "<text>5</text>")
			.replace("ceiling(0.6 * 4)", "ceiling(0.6 * 5)")
			.replace("ceiling(0.8 * 4)", "ceiling(0.8 * 5)");
		assertThat(this.auditTime.personDays(60, AuditType.INITIAL)).isEqualTo(4);
		String deploymentId = deployThroughRest("quality", "audit-time", bigger, null);
		DecisionDefinition rejected = definition(deploymentId);
		DecisionApproval record = this.approvals.ofDefinition(rejected.getId()).orElseThrow();
		assertThat(record.status()).isEqualTo(ApprovalStatus.REJECTED);
		assertThat(record.proposedBy()).isEqualTo("quality");
		assertThat(this.tasks.getVariable(task(record).getId(), "caseReport").toString())
			.contains("✗ 51 人 初次认证：headcount=51, auditType=INITIAL；期望 personDays=4；实际 personDays=5")
			.contains("✗ 100 人 初次认证");
		// neither AuditTimeService nor initial-certification's business rule task
		// (decisionRef, no binding) use it
		assertThat(this.auditTime.personDays(60, AuditType.INITIAL)).isEqualTo(4);
		assertThat(personDaysPlannedFor(60)).isEqualTo(4);

		// deployed again with its cases changed to match: passes, waits; the deployer is
		// refused through REST (403)
		ObjectNode cases = (ObjectNode) JSON.readTree(cases("audit-time"));
		cases.get("cases").forEach((c) -> {
			if (c.get("name").asText().matches("(51|100) 人 初次认证")) {
				((ObjectNode) c.get("expected")).put("personDays", 5);
			}
		});
		DecisionDefinition passing = definition(
				deployThroughRest("quality", "audit-time", bigger, JSON.writeValueAsString(cases)));
		DecisionApproval candidate = this.approvals.ofDefinition(passing.getId()).orElseThrow();
		assertThat(candidate.status()).isEqualTo(ApprovalStatus.CANDIDATE);
		assertThat(this.auditTime.personDays(60, AuditType.INITIAL)).isEqualTo(4);
		Task approval = task(candidate);
		Map<String, Object> approve = Map.of("variables",
				Map.of("changeApproved", Map.of("value", true, "type", "Boolean"), "approvalComment",
						Map.of("value", "51–100 人规模档按 5 人日", "type", "String"), "impactReviewed",
						Map.of("value", true, "type", "Boolean")));
		ResponseEntity<String> refused = this.http.withBasicAuth("quality", "quality")
			.postForEntity("/engine-rest/task/" + approval.getId() + "/complete", new HttpEntity<>(approve, json()),
					String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(refused.getBody()).contains("four eyes");
		ResponseEntity<String> approved = this.http.withBasicAuth(SECOND_QM, SECOND_QM)
			.postForEntity("/engine-rest/task/" + approval.getId() + "/complete", new HttpEntity<>(approve, json()),
					String.class);
		assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		assertThat(this.approvals.inForce("audit-time").version()).isEqualTo(passing.getVersion());
		assertThat(this.auditTime.personDays(60, AuditType.INITIAL)).isEqualTo(5);
		assertThat(this.auditTime.personDays(60, AuditType.SURVEILLANCE)).isEqualTo(3);
		assertThat(personDaysPlannedFor(60)).isEqualTo(5);
	}

	@Test
	void shouldGoBackToThePreviousApprovedVersionWhenTheDeploymentInForceIsDeleted() {
		// R-GRD-DMN: a table new to the application needs the approval from its first
		// version on; deployed by code
		// without a user, it is found by the scheduled check (every second here) and
		// counts as the release's
		DecisionDefinition first = deploy(null, "probe-table", probeTable(2), probeCases(2));
		DecisionApproval one = awaitScheduledCheck(first);
		assertThat(one.status()).isEqualTo(ApprovalStatus.CANDIDATE);
		assertThat(one.proposedBy()).isEqualTo("release");
		assertThat(one.changes()).contains("首个受控版本");
		assertThatThrownBy(() -> this.approvals.inForce("probe-table")).hasMessageContaining("no approved version");
		approve(one);
		DecisionApproval two = settled(deploy("quality", "probe-table", probeTable(3), probeCases(3)));
		approve(two);
		assertThat(this.approvals.inForce("probe-table").version()).isEqualTo(two.version());

		this.repository.deleteDeployment(two.deploymentId(), true);
		this.newVersions.check(false);
		assertThat(this.approvals.inForce("probe-table").definitionId()).isEqualTo(one.definitionId());
		assertThat(this.approvals.get(two.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.REJECTED);
	}

	// --- helpers

	private void approve(DecisionApproval candidate) {
		Task approval = task(candidate);
		this.driver.as(SECOND_QM,
				() -> this.tasks.complete(approval.getId(), Map.of("changeApproved", true, "impactReviewed", true)));
	}

	/** A one-rule table: y = factor × x. */
	private static String probeTable(int factor) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_Probe" name="probe" namespace="http://certflow.cn/dmn">
				  <decision id="probe-table" name="probe" camunda:historyTimeToLive="P1D">
				    <decisionTable id="DecisionTable_Probe" hitPolicy="UNIQUE">
				      <input id="Input_X"><inputExpression id="InputExpression_X" typeRef="integer"><text>x</text></inputExpression></input>
				      <output id="Output_Y" name="y" typeRef="integer" />
				      <rule id="Rule_Times"><inputEntry id="InputEntry_X"><text>-</text></inputEntry><outputEntry id="OutputEntry_Y"><text>x * %d</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				"""
			.formatted(factor);
	}

	private static String probeCases(int factor) {
		return "{\"decision\": \"probe-table\", \"cases\": [{\"name\": \"x=5\", \"description\": \"y = " + factor
				+ " × x\", \"inputs\": {\"x\": 5}, \"expected\": {\"y\": " + (5 * factor) + "}}]}";
	}

	private static String table(String key) throws IOException {
		return Files.readString(Path.of("rules", key + ".dmn"));
	}

	private static String cases(String key) throws IOException {
		return Files.readString(Path.of("rules", DecisionCases.fileName(key)));
	}

	/**
	 * Deploys as the user through the Java API (the user operation log records who);
	 * null: without a user.
	 */
	private DecisionDefinition deploy(String user, String key, String dmn, String casesJson) {
		String[] deploymentId = new String[1];
		Runnable deployment = () -> {
			DeploymentBuilder builder = this.repository.createDeployment()
				.name(key + " by " + user)
				.addInputStream(key + ".dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
			if (casesJson != null) {
				builder.addInputStream(DecisionCases.fileName(key),
						new ByteArrayInputStream(casesJson.getBytes(StandardCharsets.UTF_8)));
			}
			deploymentId[0] = builder.deploy().getId();
		};
		if (user != null) {
			this.driver.as(user, deployment);
		}
		else {
			deployment.run();
		}
		return definition(deploymentId[0]);
	}

	/**
	 * Deploys as Modeler does: multipart POST /engine-rest/deployment/create, HTTP Basic.
	 */
	private String deployThroughRest(String user, String key, String dmn, String casesJson) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", key + " from Modeler by " + user);
		body.add(key + ".dmn", file(key + ".dmn", dmn));
		if (casesJson != null) {
			body.add(DecisionCases.fileName(key), file(DecisionCases.fileName(key), casesJson));
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		ResponseEntity<Map<String, Object>> response = this.http.withBasicAuth(user, user)
			.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers),
					new ParameterizedTypeReference<>() {
					});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return (String) response.getBody().get("id");
	}

	private static ByteArrayResource file(String name, String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private DecisionDefinition definition(String deploymentId) {
		return this.repository.createDecisionDefinitionQuery().deploymentId(deploymentId).singleResult();
	}

	/**
	 * The version's record: a signed-in user's deployment is checked before the deploy
	 * call returns.
	 */
	private DecisionApproval settled(DecisionDefinition definition) {
		return this.approvals.ofDefinition(definition.getId()).orElseThrow();
	}

	/**
	 * Waits for the scheduled check (every second here) to find a version deployed
	 * without a user.
	 */
	private DecisionApproval awaitScheduledCheck(DecisionDefinition definition) {
		return within(Duration.ofSeconds(30), () -> this.approvals.ofDefinition(definition.getId()));
	}

	private static <T> T within(Duration timeout, Supplier<Optional<T>> probe) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<T> found = probe.get();
			if (found.isPresent()) {
				return found.get();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return fail("not found within " + timeout);
	}

	private ProcessInstance process(DecisionApproval record) {
		assertThat(record.processInstanceId()).isNotNull();
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(record.processInstanceId())
			.singleResult();
	}

	private Task task(DecisionApproval record) {
		return this.tasks.createTaskQuery().processInstanceId(record.processInstanceId()).singleResult();
	}

	/**
	 * initial-certification up to planning: the person-days its business rule task took
	 * from audit-time.
	 */
	private int personDaysPlannedFor(int headcount) {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, headcount));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.appointTeam(number, "lead", "auditor");
		this.driver.passDocuments(number);
		ProcessInstance instance = this.driver.instance(number);
		assertThat(instance).isWaitingAt(InitialCertification.Elements.PLAN_AUDIT);
		return ((Number) this.engine.getRuntimeService().getVariable(instance.getId(), "personDays")).intValue();
	}

}
