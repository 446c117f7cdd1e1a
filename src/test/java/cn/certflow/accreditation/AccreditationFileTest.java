package cn.certflow.accreditation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.appeal.AppealComplaint;
import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertifiedClients;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.surveillance.CertificateAudit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The accreditation file of a scripted initial certification (ISO/IEC 17065 7.12): one
 * document correction round, an audit with a nonconformity closed in time, the decision
 * by someone off the team: every section holds what happened, who did it and when, read
 * back through the API as a quality manager would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class AccreditationFileTest {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String[] SECTIONS = { "generated", "certificate", "revisions", "application", "applicationReview",
			"documents", "contract", "documentReview", "audits", "grade", "decision", "impartiality", "competence",
			"notices", "statusHistory", "processHistory", "surveillance", "recertification", "changes",
			"complaintsAndAppeals" };

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CertificationDriver driver;

	@Autowired
	CertifiedClients clients;

	@Autowired
	ObjectMapper json;

	@Autowired
	LifecycleDriver lifecycle;

	@Autowired
	AppealCaseService cases;

	@BeforeEach
	void fixClock() {
		// HTTP Basic is checked by Camunda's filter against the engine registered as
		// "default": another Spring
		// context started in this JVM (other properties) registers its own engine under
		// that name
		ProcessEngines.registerProcessEngine(this.engine);
		at(2026, 3, 2, 9);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldHoldEverySectionOfAScriptedInitialCertification() throws Exception {
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 80);
		String number = this.driver.submit(request);
		this.driver.uploadMandatoryDocuments(number);
		at(2026, 3, 4, 10);
		this.driver.complete("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION,
				CertificationDriver.acceptance(Map.of("reviewNotes", "信用信息无不良记录")));
		this.driver.signContract(number);
		at(2026, 3, 5, 10);
		// PCEC 8.1 (issue 20.3): the audit team is appointed first and reviews the
		// documents; the on-site audit is planned once they pass (R-DOC-1)
		this.driver.appointTeam(number, "lead", "auditor");
		this.driver.complete("lead", number, InitialCertification.Elements.REVIEW_DOCUMENTS,
				Map.of("documentReviewOutcome", "CORRECTIONS_NEEDED", "documentFindings", "缺少服务网点管理制度"));
		this.driver.submitCorrections(number, "已补充制度文件");
		at(2026, 3, 6, 10);
		this.driver.passDocuments(number);
		this.driver.planAudit(number, "lead", "auditor");
		at(2026, 3, 9, 9);
		this.driver.openAndEvaluate(number, "lead", "auditor");
		at(2026, 3, 9, 15);
		this.driver.score(number, "lead", "PCEC", 12);
		at(2026, 3, 9, 17);
		this.driver.closeMeeting(number, "lead", "服务承诺未在营业场所公示");
		this.driver.answerCorrectiveActions(number);
		at(2026, 3, 20, 10);
		this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS,
				Map.of("verificationOutcome", "CLOSED", "verificationNotes", "已公示，见照片"));
		at(2026, 3, 23, 10);
		Certificate certificate = this.clients.decide(number);

		ResponseEntity<String> response = as("quality")
			.getForEntity("/api/certificates/" + certificate.number() + "/file", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		JsonNode file = this.json.readTree(response.getBody());
		assertThat(fieldNames(file)).containsExactly(SECTIONS);
		assertThat(file.at("/generated/by").asText()).isEqualTo("quality");

		// certificate and application (R-APP-1, R-CERT-1)
		assertThat(file.at("/certificate/number").asText()).isEqualTo(certificate.number());
		assertThat(file.at("/certificate/statusToday").asText()).isEqualTo("VALID");
		assertThat(file.at("/certificate/grade").asText()).isEqualTo("三星级");
		assertThat(file.at("/application/number").asText()).isEqualTo(number);
		assertThat(file.at("/application/creditCode").asText()).isEqualTo(request.creditCode());
		assertThat(file.at("/application/headcount").asInt()).isEqualTo(80);

		// application review within 10 days, by whom, with notes (R-APP-2/3)
		assertThat(file.at("/applicationReview/reviewedBy").asText()).isEqualTo("reviewer");
		assertThat(file.at("/applicationReview/minutesTaken").asLong()).isEqualTo(2 * 24 * 60 + 60);
		assertThat(file.at("/applicationReview/withinDeadline").asBoolean()).isTrue();
		assertThat(file.at("/applicationReview/outcome").asText()).isEqualTo("ACCEPT");
		assertThat(file.at("/applicationReview/notes").asText()).isEqualTo("信用信息无不良记录");

		// documents with their hashes, contract, document review rounds (R-APP-4,
		// R-DOC-1)
		// PCEC 6.2's seven and the credit-lookup screenshot (R-CRED-1), by the reviewer,
		// and the corrected organisation chart the client sent in the portal (issue 18.3)
		assertThat(file.get("documents")).hasSize(9)
			.allSatisfy(d -> assertThat(d.get("sha256").asText()).matches("[0-9a-f]{64}"));
		assertThat(texts(file.get("documents"), "uploadedBy")).containsOnly("reviewer",
				"client-" + request.creditCode().toLowerCase());
		assertThat(texts(file.get("documents"), "fileName")).contains("business_license.pdf",
				"credit_check_screenshot.pdf");
		assertThat(file.at("/contract/number").asText()).isEqualTo("HT-" + number);
		assertThat(file.at("/contract/recordedBy").asText()).isEqualTo("reviewer");
		assertThat(file.get("documentReview")).hasSize(2);
		assertThat(file.at("/documentReview/0/passed").asBoolean()).isFalse();
		assertThat(file.at("/documentReview/0/findings").asText()).isEqualTo("缺少服务网点管理制度");
		assertThat(file.at("/documentReview/1/passed").asBoolean()).isTrue();

		// audit plan, team with impartiality checks, events, scores per item,
		// nonconformity and closure (R-PLAN-2, R-AUD-1/3)
		JsonNode audit = file.at("/audits/0");
		assertThat(file.get("audits")).hasSize(1);
		assertThat(audit.get("type").asText()).isEqualTo("INITIAL");
		assertThat(audit.get("leadAuditor").asText()).isEqualTo("lead");
		assertThat(audit.get("plannedBy").asText()).isEqualTo("lead");
		assertThat(audit.get("personDays").asInt()).isPositive();
		assertThat(texts(audit.get("team"), "userId")).containsExactlyInAnyOrder("lead", "auditor");
		assertThat(audit.get("impartialityChecks")).hasSize(2)
			.allSatisfy(c -> assertThat(c.get("result").asText()).isEqualTo("CLEAR"))
			.allSatisfy(c -> assertThat(c.get("kind").asText()).isEqualTo("DECLARED_CONFLICT"));
		assertThat(texts(audit.get("events"), "kind")).contains("CLOSING_MEETING", "CORRECTIONS_CLOSED");
		assertThat(audit.get("outcome").asText()).isEqualTo("RECOMMENDED");
		JsonNode score = audit.at("/scores/0");
		assertThat(score.get("items")).hasSize(49);
		assertThat(score.at("/items/0/item").asText()).isEqualTo("A1.1");
		assertThat(score.at("/items/0/points").asInt()).isPositive();
		int awarded = 0;
		int points = 0;
		for (JsonNode item : score.get("items")) {
			awarded += Integer.parseInt(item.get("awarded").asText());
			points += item.get("points").asInt();
		}
		assertThat(points - awarded).as("the 12 points the lead took off, item by item").isEqualTo(12);
		assertThat(score.get("scoredBy").asText()).isEqualTo("lead");
		assertThat(score.get("decisionKey").asText()).isEqualTo("grade-pcec");
		assertThat(audit.at("/nonconformities/0/description").asText()).isEqualTo("服务承诺未在营业场所公示");
		assertThat(audit.at("/nonconformities/0/dueAt").asText()).startsWith("2026-04-08");
		assertThat(audit.at("/nonconformities/0/closedAt").asText()).startsWith("2026-03-20");
		assertThat(audit.at("/nonconformities/0/closedBy").asText()).isEqualTo("lead");

		// grade with the DMN table key, version and explanation, and the engine's
		// evaluation (R-GRD-DMN, R-GRD-EXPLAIN)
		JsonNode grade = file.get("grade");
		assertThat(grade.get("decisionKey").asText()).isEqualTo("grade-pcec");
		assertThat(grade.get("decisionVersion").asInt()).isEqualTo(certificate.decisionVersion());
		assertThat(grade.get("decisionDefinitionId").asText())
			.startsWith("grade-pcec:" + certificate.decisionVersion() + ":");
		assertThat(grade.get("resourceName").asText()).endsWith("grade-pcec.dmn");
		assertThat(grade.get("explanation")).isNotEmpty();
		assertThat(grade.at("/evaluation/inputs").toString()).contains("88");
		assertThat(grade.at("/evaluation/outputs/stars").asInt()).isEqualTo(3);

		// decision and decider, with the impartiality checks (R-DEC-1)
		assertThat(file.at("/decision/certified").asBoolean()).isTrue();
		assertThat(file.at("/decision/decidedBy").asText()).isEqualTo("decider");
		assertThat(file.at("/decision/decidedAt").asText()).startsWith("2026-03-23");
		assertThat(file.at("/decision/impartialityChecks")).hasSize(2)
			.allSatisfy(c -> assertThat(c.get("person").asText()).isEqualTo("decider"))
			.allSatisfy(c -> assertThat(c.get("result").asText()).isEqualTo("CLEAR"));
		assertThat(file.get("impartiality")).hasSize(4);
		// R-COMP-1 (PCEC 8.1, ZHHT 5.2.1 c): the qualification each person held on each
		// step, that day
		List<String> held = new java.util.ArrayList<>();
		file.get("competence")
			.forEach((h) -> held.add(h.get("step").asText() + " " + h.get("person").asText() + " "
					+ h.at("/qualification/role").asText() + " " + h.at("/qualification/schemeId").asText()));
		assertThat(held).contains("DOCUMENT_REVIEW lead LEAD_AUDITOR PCEC", "AUDIT_TEAM lead LEAD_AUDITOR PCEC",
				"DECISION decider DECIDER PCEC");
		assertThat(file.get("competence")).allSatisfy((h) -> assertThat(h.get("checkedOn").asText()).isNotEmpty());

		// notices to the client, every status change with who/when/why
		assertThat(texts(file.get("notices"), "kind")).contains("DOCUMENT_FINDINGS");
		List<String> changes = file.get("statusHistory").findValues("toStatus").stream().map(JsonNode::asText).toList();
		assertThat(changes).containsSubsequence("RECEIVED", "ACCEPTED", "CONTRACTED", "TEAM_APPOINTED",
				"DOCUMENTS_IN_CORRECTION", "DOCUMENTS_PASSED", "PLANNED", "AUDIT_PLANNED", "AWAITING_CORRECTIONS",
				"COMPLETED", "CERTIFIED");
		assertThat(changes).contains("VALID");
		assertThat(file.get("statusHistory")).allSatisfy(c -> assertThat(c.get("changedBy").asText()).isNotBlank())
			.allSatisfy(c -> assertThat(c.get("changedAt").asText()).isNotBlank());

		// Camunda history: each task and who completed it
		JsonNode steps = file.get("processHistory");
		assertThat(completedBy(steps, "Task_ReviewApplication")).isEqualTo("reviewer");
		assertThat(completedBy(steps, "Task_PlanAudit")).isEqualTo("lead");
		assertThat(completedBy(steps, "Task_ReviewDocuments")).isEqualTo("lead");
		assertThat(completedBy(steps, "Task_EvaluateServiceCharacteristics")).isEqualTo("auditor");
		assertThat(completedBy(steps, "Task_CertificationDecision")).isEqualTo("decider");
		assertThat(texts(steps, "activityId")).as("the certificate issued, its lifecycle started")
			.contains("Task_IssueCertificate", "Task_ScheduleCycle");

		// recertification, requests, complaints and appeals: none yet, said so
		assertThat(file.at("/surveillance/audits")).isEmpty();
		assertThat(file.at("/surveillance/schedule")).as("the first annual surveillance, due a year after the decision")
			.singleElement()
			.satisfies(year -> assertThat(year.get("dueOn").asText()).isEqualTo("2027-03-23"))
			.satisfies(year -> assertThat(year.get("status").asText()).isEqualTo("OPEN"));
		assertThat(file.at("/changes/note").asText()).contains("no request");
		assertThat(file.at("/recertification/note").asText()).contains("no recertification");
		assertThat(file.at("/complaintsAndAppeals/note").asText()).contains("no complaint or appeal");
	}

	@Test
	void shouldHoldAThreeYearLifecycle_surveillanceDowngradeComplaintAndRecertification() throws Exception {
		// R-SUR-1/3, R-APL-1, R-REC-1: what happened after the certificate is in the
		// file, each with who, when and why
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		String number = this.lifecycle.certify(4, 0);
		String complaint = this.cases
			.receive(new AppealCaseService.CaseBody("COMPLAINT", number, null, "某消费者", "维修不及时", "两次上门未修好"), "reviewer");
		this.driver.complete("reviewer", complaint, AppealComplaint.Elements.ACKNOWLEDGE,
				Map.of("acknowledgementText", "已受理，30日内答复"));
		this.driver.complete("quality", complaint, AppealComplaint.Elements.DECIDE,
				Map.of("caseOutcome", "DISMISSED", "caseOutcomeReasons", "经核实已按服务承诺处理", "clientAtFault", false));
		this.lifecycle.moveTo(LocalDate.of(2027, 1, 9));
		this.lifecycle.surveil(number, 0, CertificateAudit.KEEP);
		// year 2 is due twelve months after the year-1 decision (PCEC 10.2): by
		// 2028-01-09
		this.lifecycle.moveTo(LocalDate.of(2028, 1, 5));
		this.lifecycle.surveil(number, 12, CertificateAudit.DOWNGRADE);
		this.lifecycle.moveTo(LocalDate.of(2028, 12, 10));
		this.driver.complete("reviewer", number, CertificateLifecycle.Elements.RECEIVE_RECERTIFICATION,
				Map.of("recertificationDecision", "APPLY", "changesDeclared", false));
		this.lifecycle.plan(number);
		this.lifecycle.audit(number, 12);
		this.lifecycle.decide(number, CertificateAudit.APPROVE, null);

		JsonNode file = this.json
			.readTree(as("quality").getForEntity("/api/certificates/" + number + "/file", String.class).getBody());

		assertThat(fieldNames(file)).containsExactly(SECTIONS);
		assertThat(file.at("/certificate/revision").asInt()).isEqualTo(3);
		assertThat(file.at("/certificate/grade").asText()).isEqualTo("三星级");
		assertThat(file.at("/certificate/expiresOn").asText()).isEqualTo("2032-03-09");
		// revisions: issued, downgraded (the first recalled), renewed
		assertThat(texts(file.get("revisions"), "revision")).containsExactly("1", "2", "3");
		assertThat(file.at("/revisions/0/recalledOn").asText()).isEqualTo("2028-01-05");
		assertThat(file.at("/revisions/2/reason").asText()).contains("再认证");
		// surveillance: two years, each planned, audited and decided, with the team's and
		// decider's impartiality checks
		assertThat(texts(file.at("/surveillance/schedule"), "dueOn")).as("two years, then the new cycle's first")
			.containsExactly("2027-03-10", "2028-01-09", "2029-12-10");
		assertThat(texts(file.at("/surveillance/schedule"), "status")).containsExactly("DECIDED", "DECIDED", "OPEN");
		assertThat(texts(file.at("/surveillance/schedule"), "decision")).startsWith("KEEP", "DOWNGRADE");
		assertThat(file.at("/surveillance/audits")).hasSize(2).allSatisfy(audit -> {
			assertThat(audit.get("type").asText()).isEqualTo("SURVEILLANCE");
			assertThat(audit.get("impartialityChecks")).hasSize(2);
			assertThat(audit.at("/scores/0/items")).hasSize(49);
			assertThat(audit.at("/decision/decidedBy").asText()).isEqualTo("decider");
			assertThat(texts(audit.at("/decision/impartialityChecks"), "result")).containsExactly("CLEAR", "CLEAR");
		});
		assertThat(file.at("/surveillance/audits/1/decision/reasons").asText()).contains("DOWNGRADE");
		assertThat(file.at("/surveillance/note").isNull()).isTrue();
		// recertification, and the grade now rests on it
		assertThat(file.at("/recertification/audits")).hasSize(1);
		assertThat(file.at("/recertification/audits/0/decision/certified").asBoolean()).isTrue();
		assertThat(file.at("/grade/auditType").asText()).isEqualTo("RECERTIFICATION");
		assertThat(file.at("/grade/gradedStars").asInt()).isEqualTo(3);
		assertThat(file.at("/grade/evaluation/outputs/stars").asInt()).isEqualTo(3);
		assertThat(file.at("/decision/decidedAt").asText()).as("the initial decision stays the initial one")
			.startsWith("2026-03-10");
		// the complaint, and no other request
		assertThat(file.at("/complaintsAndAppeals/cases")).hasSize(1);
		assertThat(file.at("/complaintsAndAppeals/cases/0/number").asText()).isEqualTo(complaint);
		assertThat(file.at("/complaintsAndAppeals/cases/0/outcome").asText()).isEqualTo("DISMISSED");
		assertThat(file.at("/complaintsAndAppeals/cases/0/decidedBy").asText()).isEqualTo("quality");
		assertThat(file.at("/changes/requests")).isEmpty();
		// status changes of every record, certificate changes with the process that made
		// them
		assertThat(texts(file.get("statusHistory"), "entity")).contains("APPLICATION", "AUDIT", "CERTIFICATE",
				"SURVEILLANCE", "CASE");
		assertThat(file.get("statusHistory")).filteredOn(c -> c.get("entity").asText().equals("CERTIFICATE"))
			.allSatisfy(c -> assertThat(c.get("processKey").asText()).isNotBlank());
		// Camunda history of every process run on the certificate and the case
		assertThat(texts(file.get("processHistory"), "process")).contains("initial-certification", "onsite-audit",
				"certificate-lifecycle", "certificate-audit", "appeal-complaint");
		assertThat(completedBy(file.get("processHistory"), CertificateAudit.Elements.DECIDE)).isEqualTo("decider");
		assertThat(completedBy(file.get("processHistory"), AppealComplaint.Elements.DECIDE)).isEqualTo("quality");
	}

	@Test
	void shouldRenderTheSameFileAsOneHtmlPage() throws Exception {
		Certificate certificate = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);

		ResponseEntity<String> html = as("manager")
			.getForEntity("/api/certificates/" + certificate.number() + "/file.html", String.class);
		HttpHeaders browser = new HttpHeaders();
		browser.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		ResponseEntity<String> negotiated = as("admin").exchange("/api/certificates/" + certificate.number() + "/file",
				HttpMethod.GET, new HttpEntity<>(browser), String.class);
		ResponseEntity<String> json = as("admin")
			.getForEntity("/api/certificates/" + certificate.number() + "/file.json", String.class);

		assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(html.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(html.getBody()).contains("<h1>认证档案 Accreditation file — " + certificate.number() + "</h1>",
				"申请评审 Application review", "申请文件 Documents (SHA-256)", "认证合同 Contract", "文件评审 Document review",
				"初次认证现场审查 Initial audit", "评级 Grade (DMN table and evaluation)",
				"复核与认证决定 Initial certification decision", "公正性记录 Impartiality record", "证书版本 Revisions",
				"状态变更 Status changes (who, when, why)", "流程历史 Process history (Camunda)", "监督审查 Surveillance",
				"再认证 Recertification", "投诉与申诉 Complaints and appeals", certificate.holderName(), "grade-pcec",
				"DECLARED_CONFLICT");
		Files.createDirectories(Path.of("target", "documents"));
		Files.writeString(Path.of("target", "documents", "accreditation-file.html"), html.getBody());
		assertThat(negotiated.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(json.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
	}

	@Test
	void shouldOpenTheFileToQualityManagersManagersAndAdministratorsOnly() {
		Certificate certificate = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);
		String path = "/api/certificates/" + certificate.number() + "/file";

		assertThat(as("reviewer").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(as("decider").getForEntity(path + ".html", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http.getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(as("manager").getForEntity(path, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(as("quality").getForEntity("/api/certificates/PCEC-1900-000000/file", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	private static String completedBy(JsonNode steps, String activityId) {
		for (JsonNode step : steps) {
			if (activityId.equals(step.get("activityId").asText())) {
				return step.get("completedBy").asText();
			}
		}
		throw new AssertionError("no step " + activityId);
	}

	private static List<String> texts(JsonNode array, String field) {
		return array.findValues(field).stream().map(JsonNode::asText).toList();
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new java.util.ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, user);
	}

	private static void at(int year, int month, int day, int hour) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(BEIJING).toInstant()));
	}

}
