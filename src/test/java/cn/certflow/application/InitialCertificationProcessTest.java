package cn.certflow.application;

import static cn.certflow.application.InitialCertification.Elements.APPLICATION_REJECTED;
import static cn.certflow.application.InitialCertification.Elements.AUDIT_TERMINATED;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATE_ISSUED;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATION_DECISION;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATION_REFUSED;
import static cn.certflow.application.InitialCertification.Elements.HANDLE_OVERDUE_REVIEW;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_AUDIT_TERMINATION;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_CERTIFICATE_ISSUED;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_DOCUMENT_FINDINGS;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_REFUSAL;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_REJECTION;
import static cn.certflow.application.InitialCertification.Elements.PLAN_AUDIT;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_APPLICATION;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_DOCUMENTS;
import static cn.certflow.application.InitialCertification.Elements.SUBMIT_CORRECTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.certflow.audit.OnsiteAudit;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateService;
import cn.certflow.certificate.CertificateStatus;
import cn.certflow.planning.AuditTimeService;
import cn.certflow.planning.AuditType;
import cn.certflow.support.EngineClock;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Walks every path of initial-certification and its called onsite-audit with the real
 * listeners and delegates, as the users who do each step, under Camunda authorization.
 * The engine clock is moved to prove deadlines.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class InitialCertificationProcessTest {

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	/** 2026-03-10 09:00 in Beijing: a fixed day so that certificate dates are exact. */

	@Autowired
	ProcessEngine engine;

	@Autowired
	CertificationDriver driver;

	@Autowired
	CertificateService certificates;

	@Autowired
	AuditTimeService auditTime;

	@Autowired
	StatusHistory history;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService management;

	@BeforeEach
	void setUp() {
		init(this.engine);
	}

	@Test
	void shouldIssueCertificateValidThreeYearsOnTheHappyPath() {
		// R-APP-1..4, R-DOC-1, R-PLAN-1/2, R-AUD-1, R-DEC-1, R-CERT-1
		String number = this.driver.toDecision(CertificationDriver.request("PCEC", 4, 120), 0);
		ProcessInstance instance = this.driver.instance(number);
		assertThat(instance).isWaitingAt(CERTIFICATION_DECISION).task().hasCandidateGroup("decision-makers");
		assertThat(instance).variables().containsEntry("grade", "五星级").containsEntry("auditOutcome", "RECOMMENDED");

		this.driver.complete("decider", number, CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY"));
		assertThat(instance).as("the notice goes out in its own job, after the certificate is committed")
			.isWaitingAt(NOTIFY_CERTIFICATE_ISSUED);
		sendNotices(number);

		assertThat(instance).isEnded().hasPassed(CERTIFICATE_ISSUED);
		String certificateNumber = (String) this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName("certificateNumber")
			.singleResult()
			.getValue();
		Certificate certificate = this.certificates.get(certificateNumber);
		assertThat(certificate.number()).matches("PCEC-2026-\\d{6}");
		assertThat(certificate.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(certificate.expiresOn()).isEqualTo(LocalDate.of(2029, 3, 9));
		assertThat(certificate.stars()).as("graded 5 stars, but never above the 4 applied for").isEqualTo(4);
		assertThat(certificate.grade()).isEqualTo("四星级");
		assertThat(certificate.standard()).isEqualTo("GB/T 27922-2011");
		assertThat(certificate.signatory()).isEqualTo("decider");
		assertThat(certificate.decisionKey()).isEqualTo("grade-pcec");
		assertThat(certificate.statusOn(LocalDate.of(2029, 3, 9))).isEqualTo(CertificateStatus.VALID);
		assertThat(certificate.statusOn(LocalDate.of(2029, 3, 10))).isEqualTo(CertificateStatus.EXPIRED);
		assertThat(this.history.of(StatusHistory.Entity.APPLICATION, number)).extracting(StatusHistory.Change::toStatus)
			.containsExactly("RECEIVED", "ACCEPTED", "CONTRACTED", "TEAM_APPOINTED", "DOCUMENTS_PASSED",
					"AUDIT_PLANNED", "CERTIFIED");
		assertThat(this.history.of(StatusHistory.Entity.APPLICATION, number))
			.extracting(StatusHistory.Change::changedBy)
			.contains("reviewer", "lead", "decider");
		// R-CERT-1: the client is told; with no mail server configured the notice is
		// kept, marked not sent
		Map<String, Object> notice = this.jdbc
			.sql("select n.kind, n.body, n.created_by, n.delivery_status, n.delivery_note"
					+ " from client_notice n join application a on a.id = n.application_id where a.number = ?"
					+ " and n.kind = 'CERTIFICATE_ISSUED'")
			.param(number)
			.query()
			.singleRow();
		// issue 18.6: beside it the audit plan and the first surveillance's due date
		assertThat(this.jdbc
			.sql("select n.kind from client_notice n join application a on a.id = n.application_id"
					+ " where a.number = ? order by n.id")
			.param(number)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("AUDIT_PLAN", "CERTIFICATE_ISSUED", "SURVEILLANCE_PLAN");
		assertThat(notice).containsEntry("kind", "CERTIFICATE_ISSUED")
			.containsEntry("created_by", "decider")
			.containsEntry("delivery_status", "NOT_SENT")
			.containsEntry("delivery_note", "not sent (no mail server configured)");
		assertThat((String) notice.get("body")).contains(certificateNumber).contains("四星级").contains("2029-03-09");
	}

	@Test
	void shouldTakeAuditTimeFromTheDmnTable() {
		// R-PLAN-1: person-days from the audit-time table, for the headcount in scope
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 600));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.appointTeam(number, "lead", "auditor");
		this.driver.passDocuments(number);
		assertThat(this.driver.instance(number)).isWaitingAt(PLAN_AUDIT)
			.variables()
			.containsEntry("personDays", this.auditTime.personDays(600, AuditType.INITIAL));
		assertThat(this.auditTime.personDays(600, AuditType.INITIAL)).isBetween(2, 10);
	}

	@Test
	void shouldRejectOnlyWithAWrittenReason() {
		// R-APP-3: rejection -> written reason to the client
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		assertThatThrownBy(
				() -> this.driver.complete("reviewer", number, REVIEW_APPLICATION, Map.of("reviewOutcome", "REJECT")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("rejectionReason");
		this.driver.complete("reviewer", number, REVIEW_APPLICATION,
				Map.of("reviewOutcome", "REJECT", "rejectionReason", "认证范围超出本机构的能力"));
		assertThat(this.driver.instance(number)).isWaitingAt(NOTIFY_REJECTION);
		sendNotices(number);
		assertThat(this.driver.instance(number)).isNull();
		assertThat(this.engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.activityId(APPLICATION_REJECTED)
			.count()).isPositive();
		assertThat(this.jdbc
			.sql("select body from client_notice n join application a on a.id = n.application_id where a.number = ?")
			.param(number)
			.query(String.class)
			.single()).contains("认证范围超出本机构的能力");
		assertThat(this.driver.instance(number)).isNull();
	}

	@Test
	void shouldNotAcceptWithoutTheMandatoryDocuments() {
		// R-APP-1: missing mandatory documents -> the application cannot be accepted
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		assertThatThrownBy(
				() -> this.driver.complete("reviewer", number, REVIEW_APPLICATION, Map.of("reviewOutcome", "ACCEPT")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("BUSINESS_LICENSE");
		assertThat(this.driver.instance(number)).isWaitingAt(REVIEW_APPLICATION);
	}

	@Test
	void shouldEscalateAnOverdueReviewToManagersAndKeepTheReview() {
		// R-APP-2: due on receipt + 10 days; overdue -> managers task + recorded
		// escalation, review stays
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		ProcessInstance instance = this.driver.instance(number);
		Task review = this.driver.task(number, REVIEW_APPLICATION);
		assertThat(review.getName()).as("Tasklist shows what the task is about")
			.isEqualTo("申请评审 – 天津某某电器服务有限公司 – PCEC – " + number);
		assertThat(review.getDueDate())
			.isEqualTo(Date.from(EngineClock.MARCH_10.toInstant().plus(java.time.Duration.ofDays(10))));
		Job timer = this.management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
		assertThat(timer.getDuedate()).isEqualTo(review.getDueDate());

		this.clock
			.moveTo(Date.from(EngineClock.MARCH_10.toInstant().plus(java.time.Duration.ofDays(10).plusMinutes(1))));
		this.management.executeJob(timer.getId());

		assertThat(instance).isWaitingAt(REVIEW_APPLICATION, HANDLE_OVERDUE_REVIEW);
		assertThat(this.driver.task(number, HANDLE_OVERDUE_REVIEW)).isNotNull();
		assertThat(instance).task(HANDLE_OVERDUE_REVIEW).hasCandidateGroup("managers");
		assertThat(this.jdbc
			.sql("select count(*) from escalation e join application a on a.id = e.application_id where a.number = ?")
			.param(number)
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.driver.acceptApplication(number);
		this.driver.complete("manager", number, HANDLE_OVERDUE_REVIEW, Map.of("escalationAction", "已催办"));
		assertThat(instance).isWaitingAt(InitialCertification.Elements.SIGN_CONTRACT);
		Long minutes = this.jdbc.sql("select review_minutes from application where number = ?")
			.param(number)
			.query(Long.class)
			.single();
		assertThat(minutes).as("time taken by the review is recorded").isEqualTo(10 * 24 * 60 + 1);
	}

	@Test
	void shouldLoopThroughDocumentCorrectionsUntilTheReviewPasses() {
		// R-DOC-1: findings go back to the client; the review repeats; no on-site audit
		// before it passes. PCEC 8.1 (issue 20.3): the audit team, appointed first,
		// reviews
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.appointTeam(number, "lead", "auditor");
		assertThatThrownBy(() -> this.driver.complete("lead", number, REVIEW_DOCUMENTS,
				Map.of("documentReviewOutcome", "CORRECTIONS_NEEDED")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("documentFindings");
		this.driver.complete("lead", number, REVIEW_DOCUMENTS,
				Map.of("documentReviewOutcome", "CORRECTIONS_NEEDED", "documentFindings", "缺少服务网点管理制度"));
		ProcessInstance instance = this.driver.instance(number);
		assertThat(instance).as("the findings are e-mailed on a branch of their own; the corrections need not wait")
			.isWaitingAt(SUBMIT_CORRECTIONS, NOTIFY_DOCUMENT_FINDINGS)
			.isNotWaitingAt(PLAN_AUDIT);
		sendNotices(number);
		assertThat(instance).isWaitingAt(SUBMIT_CORRECTIONS).isNotWaitingAt(NOTIFY_DOCUMENT_FINDINGS);
		assertThat(this.jdbc
			.sql("select n.delivery_status from client_notice n join application a on a.id = n.application_id"
					+ " where a.number = ? and n.kind = 'DOCUMENT_FINDINGS'")
			.param(number)
			.query(String.class)
			.single()).isEqualTo("NOT_SENT");
		// issue 18.3: the client sends them in the portal; the reviewers' next review
		// shows
		// its note
		assertThat(this.driver.task(number, SUBMIT_CORRECTIONS).getName()).contains("提交整改后的文件");
		this.driver.submitCorrections(number, "已补充制度文件");
		assertThat(instance).isWaitingAt(REVIEW_DOCUMENTS);
		assertThat(this.engine.getRuntimeService().getVariable(instance.getId(), "correctionsNote"))
			.isEqualTo("已补充制度文件");
		this.driver.passDocuments(number);
		assertThat(instance).isWaitingAt(PLAN_AUDIT);
		assertThat(this.jdbc.sql(
				"select count(*) from document_review d join application a on a.id = d.application_id where a.number = ?")
			.param(number)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void shouldGiveNonconformitiesThirtyDaysAndCloseThem() {
		// R-AUD-3: nonconformities with a 30-day correction deadline, then verification
		String number = toClosingMeeting();
		this.driver.closeMeeting(number, "lead", "投诉处理记录不完整\n服务网点未公示收费标准");
		this.driver.answerCorrectiveActions(number);
		Task verify = this.driver.task(number, OnsiteAudit.Elements.VERIFY_CORRECTIONS);
		assertThat(verify.getAssignee()).isEqualTo("lead");
		assertThat(verify.getDueDate())
			.isEqualTo(Date.from(EngineClock.MARCH_10.toInstant().plus(java.time.Duration.ofDays(30))));
		assertThat(openNonconformities(number)).isEqualTo(2);
		this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS,
				Map.of("verificationOutcome", "CLOSED"));
		assertThat(openNonconformities(number)).isZero();
		assertThat(this.driver.instance(number)).isWaitingAt(CERTIFICATION_DECISION);
	}

	@Test
	void shouldRaiseEachSpecialDeductionAsANonconformityWithItsDeadlineAndShowEveryOneToTheDecider_PCEC_6_1() {
		// PCEC 6.1, R-GRD-PCEC-2 (issue 20.8): special deductions and strengths are
		// records;
		// each deduction "且应进行整改" becomes a nonconformity due in 30 days; the 30
		// strengths give the one special bonus point, not 30; the decider reads every
		// item
		String number = toEvaluation();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "ok"));
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "ok"));
		Map<String, Object> sheet = new java.util.HashMap<>(this.driver.sheetScores("PCEC", 7));
		sheet.put("deductions", List.of(Map.of("kind", "LAW", "description", "维修收费未明示", "evidence", "收费单 2026-02"),
				Map.of("kind", "SERVICE_SYSTEM_EFFECT", "description", "回访系统停用两周", "evidence", "系统日志")));
		List<Map<String, Object>> strengths = new java.util.ArrayList<>();
		for (int i = 1; i <= 30; i++) {
			strengths.add(Map.of("kind", "INDUSTRY_LEADING", "description", "特别优势 " + i, "evidence", "记录 " + i));
		}
		sheet.put("strengths", strengths);
		this.driver.complete("lead", number, OnsiteAudit.Elements.SCORE_AUDIT, sheet);
		// 93 − 2 + 1 = 92 (四星级), not 100 / 五星级
		ProcessInstance audit = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(OnsiteAudit.KEY)
			.processInstanceBusinessKey(number)
			.singleResult();
		assertThat(this.engine.getRuntimeService().getVariable(audit.getId(), "score")).isEqualTo("92.0");
		assertThat(this.engine.getRuntimeService().getVariable(audit.getId(), "grade")).isEqualTo("四星级");
		this.driver.closeMeeting(number, "lead", "");
		assertThat(openNonconformities(number)).isEqualTo(2);
		assertThat(this.jdbc
			.sql("select description from nonconformity n join audit u on u.id = n.audit_id"
					+ " join application a on a.id = u.application_id where a.number = ? order by n.id")
			.param(number)
			.query(String.class)
			.list())
			.containsExactly("特别扣分项（不符合国家法律、法规的要求）：维修收费未明示；证据：收费单 2026-02", "特别扣分项（对服务系统运行有影响的情况）：回访系统停用两周；证据：系统日志");
		// issue 18.3: the client answers them in the portal first
		this.driver.answerCorrectiveActions(number);
		Task verify = this.driver.task(number, OnsiteAudit.Elements.VERIFY_CORRECTIONS);
		assertThat(verify.getDueDate())
			.isEqualTo(Date.from(EngineClock.MARCH_10.toInstant().plus(java.time.Duration.ofDays(30))));
		this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS,
				Map.of("verificationOutcome", "CLOSED"));
		assertThat(openNonconformities(number)).isZero();
		Task decision = this.driver.task(number, CERTIFICATION_DECISION);
		String explanation = (String) this.engine.getTaskService().getVariable(decision.getId(), "gradeExplanation");
		assertThat(explanation).contains("特别扣分项 2 项", "1. 不符合国家法律、法规的要求：维修收费未明示（证据：收费单 2026-02）",
				"2. 对服务系统运行有影响的情况：回访系统停用两周（证据：系统日志）", "特别加分项 30 项，共加 1 分", "30. 处于行业领先：特别优势 30（证据：记录 30）");
	}

	@Test
	@DisplayName("issue 20.10, R-GRD-CQM-1, CQM 5.1/5.3/5.4: the management audit's result and serious nonconformities come from the management-audit task, the surveys from their own record; the scoring form cannot retype them")
	void shouldGradeCqmOnTheResultsRecordedWhereTheyArise_CQM_5_3_5_4() {
		String number = toEvaluation("CQM");
		// the management audit without its result is refused, naming the field
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "ok", "surveyScore", 95L, "faceSurveyScore", 75L));
		assertThatThrownBy(() -> this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "ok")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("managementAuditPassed");
		assertThat(auditEvents(number)).doesNotContain("MANAGEMENT_AUDIT_RESULT");
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "ok", "managementAuditPassed", true, "seriousNonconformities", 0L));
		assertThat(auditEvents(number)).contains("CUSTOMER_SURVEY", "MANAGEMENT_AUDIT_RESULT");

		// retyping a survey on the scoring form is refused: it is not a field of that
		// form
		Map<String, Object> sheet = new java.util.HashMap<>(this.driver.sheetScores("CQM", 0));
		sheet.put("faceSurveyScore", 95L);
		assertThatThrownBy(() -> this.driver.complete("lead", number, OnsiteAudit.Elements.SCORE_AUDIT, sheet))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("faceSurveyScore");

		// graded on what the evaluation recorded: every indicator full, S_face 75 % → 3★
		// (R-GRD-CQM-2 例1)
		this.driver.score(number, "lead", "CQM", 0);
		Task closing = this.driver.task(number, OnsiteAudit.Elements.CLOSING_MEETING);
		assertThat(this.engine.getTaskService().getVariable(closing.getId(), "grade")).isEqualTo("三星级");
		assertThat(this.jdbc.sql("select e.details from audit_event e join audit a on a.id = e.audit_id"
				+ " join application p on p.id = a.application_id where p.number = ? and e.kind = 'CUSTOMER_SURVEY'")
			.param(number)
			.query(String.class)
			.single()).contains("S当面 75%");
	}

	@Test
	@DisplayName("issue 22, R-AUD-1, R-GRD-PCEC: every item score entered on the sheet is kept with the audit's scoring, once; the process and the engine's history do not carry 49 copies nobody reads")
	void shouldKeepTheSheetScoresInTheAuditsScoringAndNotAsProcessVariables() throws Exception {
		String number = toEvaluation();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "ok"));
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "ok"));
		Map<String, Object> sheet = this.driver.sheetScores("PCEC", 7);
		Map<String, Object> items = new java.util.TreeMap<>();
		sheet.forEach((name, value) -> {
			if (name.startsWith("item_")) {
				items.put(name, value);
			}
		});
		assertThat(items).as("the PCEC sheet's items").hasSizeGreaterThan(40);

		this.driver.complete("lead", number, OnsiteAudit.Elements.SCORE_AUDIT, sheet);

		String root = this.driver.instance(number).getId();
		Map<String, Object> recorded = new com.fasterxml.jackson.databind.ObjectMapper().readValue(this.jdbc
			.sql("select s.item_scores from audit_score s join audit a on a.id = s.audit_id"
					+ " join application p on p.id = a.application_id where p.number = ?")
			.param(number)
			.query(String.class)
			.single(), new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
			});
		assertThat(recorded).as("every item as entered, in the audit's scoring").containsAllEntriesOf(items);
		assertThat(this.jdbc
			.sql("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ in"
					+ " (select ID_ from ACT_RU_EXECUTION where ROOT_PROC_INST_ID_ = ?) and left(NAME_, 5) = 'item_'")
			.param(root)
			.query(Integer.class)
			.single()).as("no item score left in the running audit").isZero();
		assertThat(this.jdbc
			.sql("select count(*) from ACT_HI_VARINST where ROOT_PROC_INST_ID_ = ? and left(NAME_, 5) = 'item_'")
			.param(root)
			.query(Integer.class)
			.single()).as("nor in the engine's history").isZero();
		assertThat(this.jdbc.sql("select distinct NAME_ from ACT_RU_VARIABLE where PROC_INST_ID_ in"
				+ " (select ID_ from ACT_RU_EXECUTION where ROOT_PROC_INST_ID_ = ?) and NAME_ in ('score', 'stars', 'grade', 'gradeExplanation')")
			.param(root)
			.query(String.class)
			.list()).as("the result of the grading stays in the process for the decision")
			.containsExactlyInAnyOrder("score", "stars", "grade", "gradeExplanation");
		assertThat(this.jdbc
			.sql("select count(*) from ACT_HI_DECINST where ROOT_PROC_INST_ID_ = ? and DEC_DEF_KEY_ = 'grade-pcec'")
			.param(root)
			.query(Integer.class)
			.single()).as("the grading's decision history stays (Cockpit, accreditation file)").isEqualTo(1);

		this.driver.closeMeeting(number, "lead", "");
		assertThat(this.driver.instance(number)).isWaitingAt(CERTIFICATION_DECISION);
	}

	@Test
	@DisplayName("issue 20.6, R-AUD-1, PCEC 8.2.4 \"请企业相关人员对现场记录进行确认，现场审查记录与评分细则对照，进行客观评分\": no scoring before the client confirmed the records, and the confirmation is recorded before the score")
	void shouldScoreOnlyAfterTheClientConfirmedTheRecords_PCEC_8_2_4() {
		String number = toEvaluation();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "ok"));
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "ok"));
		Map<String, Object> sheet = new java.util.HashMap<>(this.driver.sheetScores("PCEC", 0));
		sheet.remove("clientConfirmedRecords");
		assertThatThrownBy(() -> this.driver.complete("lead", number, OnsiteAudit.Elements.SCORE_AUDIT, sheet))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("clientConfirmedRecords")
			.hasMessageContaining("受审查方须先确认现场审查记录");
		sheet.put("clientConfirmedRecords", true);
		sheet.put("recordsConfirmedBy", "  ");
		assertThatThrownBy(() -> this.driver.complete("lead", number, OnsiteAudit.Elements.SCORE_AUDIT, sheet))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("recordsConfirmedBy");
		assertThat(auditEvents(number)).as("nothing recorded on a refused form").doesNotContain("RECORDS_CONFIRMED");
		assertThat(this.jdbc
			.sql("select count(*) from audit_score s join audit a on a.id = s.audit_id"
					+ " join application p on p.id = a.application_id where p.number = ?")
			.param(number)
			.query(Integer.class)
			.single()).isZero();

		this.driver.score(number, "lead", "PCEC", 0);
		this.driver.closeMeeting(number, "lead", "");

		assertThat(auditEvents(number)).containsSubsequence("RECORDS_CONFIRMED", "CLOSING_MEETING");
		assertThat(this.jdbc.sql("select e.details from audit_event e join audit a on a.id = e.audit_id"
				+ " join application p on p.id = a.application_id where p.number = ? and e.kind = 'RECORDS_CONFIRMED'")
			.param(number)
			.query(String.class)
			.single()).contains("王五（售后服务部经理）");
	}

	@Test
	@DisplayName("issue 20.6, R-AUD-3, PCEC 8.2.4 \"如需再实施一次现场审查或不建议批准认证，审查组应在现场形成书面结果，并请企业签字确认\": a repeat audit, like not recommended, needs the client's signature and its signatory")
	void shouldRepeatTheOnsiteAuditOnlyWithTheClientsSignedWrittenResult_PCEC_8_2_4() {
		String number = toClosingMeeting();
		this.driver.closeMeeting(number, "lead", "投诉处理记录不完整");
		this.driver.answerCorrectiveActions(number);
		assertThatThrownBy(() -> this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS,
				Map.of("verificationOutcome", "REPEAT_AUDIT")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("clientSignedResult")
			.hasMessageContaining("再次实施现场审查");
		assertThatThrownBy(() -> this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS,
				Map.of("verificationOutcome", "REPEAT_AUDIT", "clientSignedResult", true)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("clientSignatory");
		assertThat(this.driver.task(number, OnsiteAudit.Elements.VERIFY_CORRECTIONS)).as("still open").isNotNull();

		this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS, Map.of("verificationOutcome",
				"REPEAT_AUDIT", "clientSignedResult", true, "clientSignatory", "赵六（总经理）"));

		assertThat(this.driver.task(number, OnsiteAudit.Elements.OPENING_MEETING)).isNotNull();
		assertThat(this.jdbc.sql("select e.details from audit_event e join audit a on a.id = e.audit_id"
				+ " join application p on p.id = a.application_id where p.number = ? and e.kind = 'CORRECTIONS_REPEAT_AUDIT'")
			.param(number)
			.query(String.class)
			.single()).contains("赵六（总经理）", "签字确认");
	}

	@Test
	void shouldRepeatTheOnsiteAuditWhenCorrectionsFail() {
		// R-AUD-3: uncorrected nonconformities -> a repeat on-site audit
		String number = toClosingMeeting();
		this.driver.closeMeeting(number, "lead", "投诉处理记录不完整");
		this.driver.answerCorrectiveActions(number);
		this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS, Map.of("verificationOutcome",
				"REPEAT_AUDIT", "clientSignedResult", true, "clientSignatory", "赵六（总经理）"));
		assertThat(this.driver.task(number, OnsiteAudit.Elements.OPENING_MEETING)).isNotNull();
		this.driver.openAndEvaluate(number, "lead", "auditor");
		this.driver.score(number, "lead", "PCEC", 0);
		this.driver.closeMeeting(number, "lead", "");
		assertThat(this.driver.instance(number)).isWaitingAt(CERTIFICATION_DECISION);
	}

	@Test
	void shouldEndNotRecommendedOnlyWithTheClientsSignatureAndThenRefuse() {
		// R-AUD-3 "do not recommend" signed by the client; R-DEC-2 refusal with written
		// reasons
		String number = toClosingMeeting();
		this.driver.closeMeeting(number, "lead", "售后服务体系未有效运行");
		this.driver.answerCorrectiveActions(number);
		assertThatThrownBy(() -> this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS,
				Map.of("verificationOutcome", "NOT_RECOMMENDED")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("clientSignedResult");
		this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS, Map.of("verificationOutcome",
				"NOT_RECOMMENDED", "clientSignedResult", true, "clientSignatory", "赵六（总经理）"));
		ProcessInstance instance = this.driver.instance(number);
		assertThat(instance).isWaitingAt(CERTIFICATION_DECISION)
			.variables()
			.containsEntry("auditOutcome", "NOT_RECOMMENDED");
		assertThatThrownBy(() -> this.driver.complete("decider", number, CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "REFUSE")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("decisionReasons");
		this.driver.complete("decider", number, CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "REFUSE", "decisionReasons", "不符合项未整改关闭"));
		assertThat(instance).isWaitingAt(NOTIFY_REFUSAL);
		sendNotices(number);
		assertThat(instance).isEnded().hasPassed(CERTIFICATION_REFUSED);
		assertThat(this.history.of(StatusHistory.Entity.APPLICATION, number)).last()
			.satisfies(change -> assertThat(change.toStatus()).isEqualTo("REFUSED"));
	}

	@Test
	void shouldCertifyANotRecommendedAuditOnlyWithAWrittenReasonKeptWithTheDecision_PCEC_8_2_4() {
		// R-DEC-3, PCEC 8.2.4 and 9: the team did not recommend (client signed); the
		// decider may still certify, but never silently: a written reason, recorded
		String number = toClosingMeeting();
		this.driver.closeMeeting(number, "lead", "售后服务体系未有效运行");
		this.driver.answerCorrectiveActions(number);
		this.driver.complete("lead", number, OnsiteAudit.Elements.VERIFY_CORRECTIONS, Map.of("verificationOutcome",
				"NOT_RECOMMENDED", "clientSignedResult", true, "clientSignatory", "赵六（总经理）"));
		for (Map<String, Object> without : List.<Map<String, Object>>of(Map.of("decisionOutcome", "CERTIFY"),
				Map.of("decisionOutcome", "CERTIFY", "notRecommendedOverride", "  "))) {
			assertThatThrownBy(() -> this.driver.complete("decider", number, CERTIFICATION_DECISION, without))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("notRecommendedOverride");
		}
		assertThat(overrides(number)).as("nothing decided on a refused form").isEmpty();
		assertThat(this.driver.instance(number)).isWaitingAt(CERTIFICATION_DECISION);
		this.driver.complete("decider", number, CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY", "notRecommendedOverride", "整改证据已于决定前补交并经技术委员会复核"));
		assertThat(overrides(number)).containsExactly("整改证据已于决定前补交并经技术委员会复核");
		assertThat(this.driver.instance(number)).isWaitingAt(NOTIFY_CERTIFICATE_ISSUED);
	}

	private List<String> overrides(String number) {
		return this.jdbc
			.sql("select coalesce(d.not_recommended_override, '') from certification_decision d"
					+ " join application a on a.id = d.application_id where a.number = ?")
			.param(number)
			.query(String.class)
			.list();
	}

	@Test
	void shouldNotCertifyAFailingGrade() {
		// R-GRD-PCEC-3: below 70 is 不合格; the decision cannot certify it
		String number = this.driver.toDecision(CertificationDriver.request("PCEC", 2, 50), 31);
		assertThat(this.driver.instance(number)).variables().containsEntry("stars", 0).containsEntry("grade", "不合格");
		assertThatThrownBy(() -> this.driver.complete("decider", number, CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("不合格");
	}

	@Test
	void shouldRefuseAnAuditorOfTheTeamAsDeciderEvenWithTheRightGroup() {
		// R-DEC-1: dual (auditors + decision-makers) audited -> may neither claim nor
		// complete the decision
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 50);
		String number = this.driver.submit(request);
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.reviewAndPlan(number, "lead", "dual");
		this.driver.openAndEvaluate(number, "lead", "dual");
		this.driver.score(number, "lead", "PCEC", 0);
		this.driver.closeMeeting(number, "lead", "");

		assertThatThrownBy(() -> this.driver.claim("dual", number, CERTIFICATION_DECISION))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-DEC-1");
		assertThatThrownBy(() -> this.driver.complete("dual", number, CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY")))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("audit team");
		assertThat(this.driver.task(number, CERTIFICATION_DECISION).getAssignee()).isNull();
		this.driver.claim("decider", number, CERTIFICATION_DECISION);
		this.driver.complete("decider", number, CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY"));
		sendNotices(number);
		assertThat(this.driver.instance(number)).isNull();
	}

	@Test
	void shouldLetADualRoleUserDecideWhenNotOnTheTeam() {
		// R-DEC-1: being an auditor elsewhere is no bar
		String number = this.driver.toDecision(CertificationDriver.request("PCEC", 3, 50), 0);
		this.driver.complete("dual", number, CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY"));
		sendNotices(number);
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(number)
			.processDefinitionKey(InitialCertification.KEY)
			.singleResult()
			.getEndActivityId()).isEqualTo(CERTIFICATE_ISSUED);
	}

	@Test
	void shouldTerminateTheAuditOnlyAfterQualityManagerApproval() {
		// R-AUD-2: proposed by the auditors, approved by quality-managers -> terminated,
		// no grade
		String number = toEvaluation();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "现场无认证范围内服务活动", "proposeTermination", true, "terminationClause", "(4)",
						"terminationReason", "现场无认证范围内服务活动"));
		Task management = this.driver.task(number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT);
		assertThat(this.taskService.getVariable(management.getId(), "findings"))
			.as("the parallel evaluation's form starts empty")
			.isNull();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "未开展"));
		assertThat(this.taskService.getVariable(
				this.driver.task(number, OnsiteAudit.Elements.APPROVE_TERMINATION).getId(), "terminationReason"))
			.isEqualTo("现场无认证范围内服务活动");
		Task approval = this.driver.task(number, OnsiteAudit.Elements.APPROVE_TERMINATION);
		assertThat(this.taskService.getIdentityLinksForTask(approval.getId()))
			.anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("quality-managers"));
		assertThatThrownBy(() -> this.driver.complete("reviewer", number, OnsiteAudit.Elements.APPROVE_TERMINATION,
				Map.of("terminationApproved", true)))
			.isInstanceOf(AuthorizationException.class);
		this.driver.complete("quality", number, OnsiteAudit.Elements.APPROVE_TERMINATION,
				Map.of("terminationApproved", true));
		assertThat(this.history.of(StatusHistory.Entity.APPLICATION, number))
			.as("terminated at once, before the e-mail")
			.last()
			.satisfies(change -> assertThat(change.toStatus()).isEqualTo("AUDIT_TERMINATED"));
		assertThat(this.driver.instance(number)).isWaitingAt(NOTIFY_AUDIT_TERMINATION);
		sendNotices(number);
		assertThat(this.driver.instance(number)).isNull();
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(number)
			.processDefinitionKey(InitialCertification.KEY)
			.singleResult()
			.getEndActivityId()).isEqualTo(AUDIT_TERMINATED);
		assertThat(this.history.of(StatusHistory.Entity.APPLICATION, number)).last()
			.satisfies(change -> assertThat(change.toStatus()).isEqualTo("AUDIT_TERMINATED"));
	}

	@Test
	void shouldRefuseATerminationNamingNoGroundOfTheClause_PCEC_8_2_5() {
		// R-AUD-2, PCEC 8.2.5 (1)-(8): the server checks the ground named, not only the
		// form's select; nothing is proposed on a wrong one
		String number = toEvaluation();
		for (String named : List.of("(9)", "8.2.6(1)", "企业不配合")) {
			assertThatThrownBy(
					() -> this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
							Map.of("findings", "企业不配合", "proposeTermination", true, "terminationClause", named,
									"terminationReason", "企业不配合")))
				.as(named)
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("terminationClause");
		}
		assertThat(this.driver.task(number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS)).isNotNull();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "企业不配合", "proposeTermination", true, "terminationClause", "(5)", "terminationReason",
						"企业不配合"));
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "正常"));
		Task approval = this.driver.task(number, OnsiteAudit.Elements.APPROVE_TERMINATION);
		assertThat(this.taskService.getVariable(approval.getId(), "terminationClause")).isEqualTo("8.2.5(5)");
	}

	@Test
	void shouldContinueTheAuditWhenTerminationIsDeclined() {
		// R-AUD-2: declined -> the audit continues to scoring
		String number = toEvaluation();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "企业不配合", "proposeTermination", true, "terminationClause", "(5)", "terminationReason",
						"企业不配合"));
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "正常"));
		assertThatThrownBy(() -> this.driver.complete("quality", number, OnsiteAudit.Elements.APPROVE_TERMINATION,
				Map.of("terminationApproved", false)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("terminationReviewNotes");
		this.driver.complete("quality", number, OnsiteAudit.Elements.APPROVE_TERMINATION,
				Map.of("terminationApproved", false, "terminationReviewNotes", "企业已承诺配合，继续审查"));
		assertThat(this.driver.task(number, OnsiteAudit.Elements.SCORE_AUDIT)).isNotNull();
	}

	@Test
	void shouldRouteARuleRecommendedTerminationToQualityManagers() {
		// R-AUD-2: observations judged by rules/audit-termination.drl; the rule that
		// fired is kept on the process
		String number = toEvaluation();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS, Map
			.of("findings", "企业拒绝提供服务记录", "observations", List.of("CLIENT_DOES_NOT_COOPERATE", "MINOR_FINDING")));
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "同上"));
		Task approval = this.driver.task(number, OnsiteAudit.Elements.APPROVE_TERMINATION);
		assertThat(approval).as("termination waits for the quality managers").isNotNull();
		assertThat(this.taskService.getVariable(approval.getId(), "terminationClause")).isEqualTo("8.2.5(5)");
		assertThat((String) this.taskService.getVariable(approval.getId(), "terminationRules"))
			.isEqualTo("Terminate when the client does not cooperate");
		this.driver.complete("quality", number, OnsiteAudit.Elements.APPROVE_TERMINATION,
				Map.of("terminationApproved", true));
		assertThat(this.history.of(StatusHistory.Entity.APPLICATION, number)).last()
			.satisfies(change -> assertThat(change.toStatus()).isEqualTo("AUDIT_TERMINATED"));
	}

	@Test
	void shouldContinueWhenTheObservationsDoNotEndTheAudit() {
		// R-AUD-2: a nonconformity or a rectified violation is no ground for termination
		String number = toEvaluation();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "投诉记录不全", "observations", List.of("MINOR_FINDING", "LEGAL_VIOLATION_RECTIFIED")));
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "正常"));
		assertThat(this.driver.task(number, OnsiteAudit.Elements.APPROVE_TERMINATION)).isNull();
		assertThat(this.driver.task(number, OnsiteAudit.Elements.SCORE_AUDIT)).isNotNull();
	}

	private String toEvaluation() {
		return toEvaluation("PCEC");
	}

	private String toEvaluation(String schemeId) {
		String number = this.driver.submit(CertificationDriver.request(schemeId, 3, 50));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.reviewAndPlan(number, "lead", "auditor");
		this.driver.complete("lead", number, OnsiteAudit.Elements.OPENING_MEETING,
				Map.of("planConfirmed", true, "attendance", "总经理"));
		return number;
	}

	/**
	 * The kinds of the audit events of the application's audits, in the order recorded.
	 */
	private List<String> auditEvents(String number) {
		return this.jdbc
			.sql("select e.kind from audit_event e join audit a on a.id = e.audit_id"
					+ " join application p on p.id = a.application_id where p.number = ? order by e.id")
			.param(number)
			.query(String.class)
			.list();
	}

	private String toClosingMeeting() {
		String number = toEvaluation();
		this.driver.complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of("findings", "ok"));
		this.driver.complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of("findings", "ok"));
		this.driver.score(number, "lead", "PCEC", 0);
		return number;
	}

	/** Runs the notice job the way the job executor would (it is off in tests). */
	private void sendNotices(String number) {
		Job job = this.management.createJobQuery()
			.processInstanceId(this.driver.instance(number).getId())
			.messages()
			.singleResult();
		assertThat(job).as("notice job of " + number).isNotNull();
		this.management.executeJob(job.getId());
	}

	private int openNonconformities(String number) {
		return this.jdbc
			.sql("select count(*) from nonconformity n join audit u on u.id = n.audit_id"
					+ " join application a on a.id = u.application_id where a.number = ? and n.closed_at is null")
			.param(number)
			.query(Integer.class)
			.single();
	}

}
