package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.appeal.AppealComplaint;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateSuspension;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.Notices;
import cn.certflow.surveillance.CertificateAudit;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 15 (a), after the certificate: its lifecycle, the audits after certification,
 * suspension, changes, appeals and complaints. The forged variables name another
 * certified client (its certificate, application, audit, surveillance, change request,
 * case) and better grades; each listener and delegate still acts on the certificate (the
 * process's business key), the audit planned in the process and the records they point
 * to. One assertion per listener, named after it; the other client's records stay as they
 * were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class IdentifiersFromRecordsAfterCertificationTest {

	@Autowired
	LifecycleDriver driver;

	@Autowired
	Forgery forgery;

	@Autowired
	CertificateRequests requests;

	@Autowired
	AppealCaseService cases;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	Notices notices;

	/**
	 * A quality manager who is also an auditor (AppealComplaintProcessTest has the same).
	 */
	static final String AUDITING_QM = "qm-auditor";

	Forgery.Decoy decoy;

	Map<String, Object> forged;

	Map<String, Object> decoyBefore;

	@BeforeEach
	void setUp() {
		this.driver.moveTo(LocalDate.of(2026, 3, 10));
	}

	@AfterEach
	void decoyUntouched() {
		assertThat(this.forgery.state(this.decoy)).as("nothing recorded against the client the variables named")
			.isEqualTo(this.decoyBefore);
		ClockUtil.reset();
	}

	/**
	 * The decoy's records as they are now (after the clock moved), and variables naming
	 * them.
	 */
	private void forgeAgainst(String decoyCertificate, Map<String, Object> more) {
		this.decoy = this.forgery.decoy(decoyCertificate);
		this.decoyBefore = this.forgery.state(this.decoy);
		this.forged = new HashMap<>(this.forgery.forged(this.decoy));
		this.forged.putAll(more);
	}

	@Test
	void shouldSurveyAndDowngradeTheCertificateOfTheProcessWhateverItsVariablesName() {
		String number = this.driver.certify(4, 0);
		String other = this.driver.certify(5, 0);
		long otherSurveillance = surveillances(other).get(0);
		forgeAgainst(other,
				Map.of("surveillanceId", otherSurveillance, "cycleStart", EngineTime.toDate(LocalDate.of(2020, 1, 1))));
		this.forgery.forge(number, this.forged); // the lifecycle hands these to the audit
													// it starts
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.decoyBefore = this.forgery.state(this.decoy);
		String audit = this.driver.certification()
			.task(number, CertificateAudit.Elements.PLAN_AUDIT)
			.getProcessInstanceId();
		assertThat(this.runtime.getVariable(audit, "certifiedStars")).as("DetermineCertificateAuditTimeDelegate")
			.isEqualTo(4);

		Map<String, Object> plan = new HashMap<>();
		plan.put("planDecision", "PLAN");
		plan.put("leadAuditor", "lead");
		plan.put("auditTeam", "auditor");
		plan.put("plannedDate", EngineTime.today().toString());
		plan.put("auditContent", List.of("NC_FOLLOW_UP", "CERTIFICATE_AND_MARK_USE"));
		complete("lead", number, CertificateAudit.Elements.PLAN_AUDIT, plan);
		long surveillance = surveillances(number).get(0);
		long auditId = this.jdbc.sql("select audit_id from surveillance where id = ?")
			.param(surveillance)
			.query(Long.class)
			.single();
		assertThat(text("select status from surveillance where id = ?", surveillance))
			.as("CertificateAuditPlanListener")
			.isEqualTo("PLANNED");
		assertThat(this.jdbc.sql("select process_instance_id from audit where id = ?")
			.param(auditId)
			.query(String.class)
			.single()).as("CertificateAuditPlanListener").isEqualTo(audit);

		complete("lead", number, "Task_OpeningMeeting", Map.of("planConfirmed", true, "attendance", "总经理"));
		complete("auditor", number, "Task_EvaluateServiceCharacteristics", Map.of("findings", "符合"));
		complete("auditor", number, "Task_AuditServiceManagement", Map.of("findings", "有效"));
		complete("lead", number, "Task_ScoreAudit", this.driver.certification().sheetScores("PCEC", 12));
		complete("lead", number, "Task_ClosingMeeting", Map.of());
		this.forgery.forge(number, this.forged);
		String decide = this.driver.certification().task(number, CertificateAudit.Elements.DECIDE).getExecutionId();
		assertThat(this.runtime.getVariable(decide, "recommendation")).as("RecommendSanctionDelegate")
			.isEqualTo("DOWNGRADE → 3★");
		assertThatThrownBy(
				() -> complete("decider", number, CertificateAudit.Elements.DECIDE, decision("KEEP", "表现良好")))
			.as("CertificateAuditDecisionListener: 88 points, certified 4★: never milder than a downgrade")
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("DOWNGRADE");
		complete("decider", number, CertificateAudit.Elements.DECIDE, decision("DOWNGRADE", null));

		assertThat(text("select status from surveillance where id = ?", surveillance))
			.as("CertificateAuditDecisionListener")
			.isEqualTo("DECIDED");
		assertThat(text(
				"select d.audit_id || ' ' || d.stars from certification_decision d join certificate c"
						+ " on c.application_id = d.application_id where c.number = ? order by d.id desc limit 1",
				number))
			.as("CertificateAuditDecisionListener")
			.isEqualTo(auditId + " 3");
		assertThat(text("select stars || ' ' || revision from certificate where number = ?", number))
			.as("DowngradeCertificateDelegate")
			.isEqualTo("3 2");
		assertThat(
				this.jdbc.sql("select due_on from surveillance where certificate_number = ? and surveillance_year = 2")
					.param(number)
					.query(LocalDate.class)
					.single())
			.as("OpenSurveillanceDelegate: twelve months after the year-1 surveillance decided on 2027-01-09 (PCEC 10.2,"
					+ " SurveillanceSchedule), not from a forged cycle start")
			.isEqualTo(LocalDate.of(2028, 1, 9));
	}

	@Test
	void shouldPostponeAndEscalateTheCertificatesOwnSurveillance() {
		String number = this.driver.certify(3, 0);
		String other = this.driver.certify(5, 0);
		this.driver.moveTo(LocalDate.of(2027, 1, 9));
		this.driver.surveil(other, 0, CertificateAudit.KEEP); // the other client's year 1
																// is done: no timer of
																// its own
		forgeAgainst(other, Map.of("surveillanceId", surveillances(other).get(1)));

		complete("lead", number, CertificateAudit.Elements.PLAN_AUDIT,
				Map.of("planDecision", "POSTPONE", "postponeReason", "客户搬迁", "postponedTo", "2027-05-20"));
		long surveillance = surveillances(number).get(0);
		assertThat(text("select status || ' ' || postponed_to from surveillance where id = ?", surveillance))
			.as("CertificateAuditPlanListener")
			.isEqualTo("POSTPONED 2027-05-20");

		this.forgery.forge(number, this.forged);
		this.driver.moveTo(LocalDate.of(2027, 3, 11));
		assertThat(count("select count(*) from surveillance where id = ? and escalated_at is not null", surveillance))
			.as("SurveillanceEscalationListener")
			.isOne();
		complete("manager", number, CertificateLifecycle.Elements.HANDLE_OVERDUE_SURVEILLANCE,
				Map.of("overdueNotes", "已同意推迟"));
		assertThat(count("select count(*) from status_change where entity_type = 'SURVEILLANCE' and entity_key = ?"
				+ " and to_status = 'ESCALATION_HANDLED'", String.valueOf(surveillance)))
			.as("SurveillanceEscalationListener")
			.isOne();
	}

	@Test
	void shouldReviewAuditAndReissueTheCertificatesOwnChanges() {
		String number = this.driver.certify(3, 0);
		String other = this.driver.certify(5, 0);
		long otherRequest = this.requests.change(other,
				new CertificateRequests.ChangeBody("NAME", "更名", "别的名称有限公司", null, null, null, null), "reviewer");
		forgeAgainst(other, Map.of("requestId", otherRequest));

		// a name change: reviewed, reissued without an audit
		long name = this.requests.change(number,
				new CertificateRequests.ChangeBody("NAME", "工商变更", "天津新名称服务有限公司", null, null, null, null), "reviewer");
		review(number);
		assertThat(text("select status from certificate_request where id = ?", name)).as("ChangeRequestReviewListener")
			.isEqualTo("DONE");
		assertThat(text("select holder_name from certificate where number = ?", number)).as("ReissueForChangeDelegate")
			.isEqualTo("天津新名称服务有限公司");

		// a premises change audited and refused, then one audited and approved
		long refused = this.requests.change(number,
				new CertificateRequests.ChangeBody("PREMISES", "迁址", null, "天津市西青区新址1号", null, null, null), "reviewer");
		review(number);
		auditChange(number, 31);
		complete("decider", number, CertificateAudit.Elements.DECIDE, decision("REFUSE", "新址未达到认证要求"));
		assertThat(text("select status from certificate_request where id = ?", refused))
			.as("NotifyCertificateAuditRefusalDelegate")
			.isEqualTo("REJECTED");
		// CERTIFICATE_AUDIT_REFUSED (R-DEC-2): the reasons go to the process's
		// holder, not to the one the forged variables name
		assertThat(this.notices.forCertificate(number))
			.filteredOn((n) -> n.kind().equals(NoticeKind.CERTIFICATE_AUDIT_REFUSED.name()))
			.as("NotifyCertificateAuditRefusalDelegate")
			.singleElement()
			.satisfies((n) -> assertThat(n.body()).contains("变更审查未获通过").contains("新址未达到认证要求"));
		long approved = this.requests.change(number,
				new CertificateRequests.ChangeBody("PREMISES", "再次迁址", null, "天津市西青区新址2号", null, null, null),
				"reviewer");
		review(number);
		auditChange(number, 0);
		complete("decider", number, CertificateAudit.Elements.DECIDE, decision("APPROVE", null));
		assertThat(text("select status from certificate_request where id = ?", approved))
			.as("ApplyCertificateAuditApprovalDelegate")
			.isEqualTo("DONE");
		assertThat(text("select holder_address from certificate where number = ?", number))
			.as("ApplyCertificateAuditApprovalDelegate")
			.isEqualTo("天津市西青区新址2号");
	}

	@Test
	void shouldSuspendLiftEvaluateCancelAndWithdrawTheCertificateOfTheProcess() {
		String number = this.driver.certify(3, 0);
		String other = this.driver.certify(5, 0);
		forgeAgainst(other, Map.of());
		this.forgery.forge(number, this.forged);

		this.driver.certification()
			.as("decider", () -> this.requests.suspend(number, new CertificateRequests.ReasonBody("重大投诉经核实", "CB"),
					"decider"));
		assertThat(text("select status from certificate where number = ?", number)).as("SuspendCertificateDelegate")
			.isEqualTo("SUSPENDED");
		complete("decider", number, CertificateSuspension.Elements.VERIFY_LIFTING,
				Map.of("causeCleared", true, "verificationNotes", "已整改"));
		assertThat(text("select status from certificate where number = ?", number))
			.as("LiftSuspensionDelegate (StatusChangeDelegate)")
			.isEqualTo("VALID");

		long event = this.requests.reportEvent(number,
				new CertificateRequests.EventBody("COMPLAINT_RECEIVED", EngineTime.today().toString(), "投诉记录"),
				"reviewer");
		assertThat(text("select status from certificate_request where id = ?", event))
			.as("EvaluateSurveillanceEventDelegate")
			.isEqualTo("DONE");

		this.forgery.forge(number, this.forged);
		this.requests.setTransitionDeadline(new CertificateRequests.TransitionBody("PCEC", "ZCXH/XZ-19-2026",
				EngineTime.today().plusDays(1).toString()), "quality", List.of(number));
		this.forgery.forge(number, this.forged);
		this.driver.moveTo(EngineTime.today().plusDays(2));
		assertThat(text("select status from certificate where number = ?", number)).as("CheckTransitionDelegate")
			.isEqualTo("CANCELLED");

		String withdrawn = this.driver.certify(3, 0);
		this.forgery.forge(withdrawn, this.forged);
		this.requests.withdraw(withdrawn, new CertificateRequests.ReasonBody("列入严重失信名单", null), "decider");
		assertThat(text("select status from certificate where number = ?", withdrawn))
			.as("WithdrawCertificateDelegate (StatusChangeDelegate)")
			.isEqualTo("WITHDRAWN");
	}

	@Test
	void shouldKeepTheInvolvedFromDecidingAndDecideTheCaseOfTheProcess() {
		// a quality manager who audited the certified client: involved, so barred from
		// deciding a complaint (R-APL-1)
		if (this.identity.createUserQuery().userId(AUDITING_QM).count() == 0) {
			// no password: the account only works tasks through the Java API here (the
			// password policy is on)
			this.identity.saveUser(this.identity.newUser(AUDITING_QM));
			this.identity.createMembership(AUDITING_QM, Groups.QUALITY_MANAGERS);
			this.identity.createMembership(AUDITING_QM, Groups.AUDITORS);
		}
		this.driver.certification().qualify(AUDITING_QM, cn.certflow.competence.QualificationRole.AUDITOR);
		String application = this.driver.certification().toDecisionWithTeam("lead", AUDITING_QM);
		this.driver.certification()
			.complete("decider", application, "Task_CertificationDecision", Map.of("decisionOutcome", "CERTIFY"));
		String number = this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id"
					+ " where a.number = ?")
			.param(application)
			.query(String.class)
			.single();
		String other = this.driver.certify(5, 0);
		String otherCase = this.cases
			.receive(new AppealCaseService.CaseBody("COMPLAINT", other, null, "某消费者", "服务差", "维修不及时"), "reviewer");
		forgeAgainst(other, Map.of("involvedPersons", "", "caseNumber", otherCase, "caseId",
				this.cases.get(otherCase).id(), "caseKind", "APPEAL"));

		String complaint = this.cases.receive(
				new AppealCaseService.CaseBody("COMPLAINT", number, null, "某消费者", "维修后再次故障", "三次维修未修好"), "reviewer");
		assertThat(this.cases.get(complaint).involvedPersons()).contains(AUDITING_QM);
		complete("reviewer", complaint, AppealComplaint.Elements.ACKNOWLEDGE, Map.of("acknowledgementText", "已受理"));
		assertThat(this.cases.get(complaint).acknowledgedBy()).as("CaseAcknowledgementListener").isEqualTo("reviewer");
		this.forgery.forge(complaint, this.forged);
		assertThatThrownBy(
				() -> this.driver.certification().claim(AUDITING_QM, complaint, AppealComplaint.Elements.DECIDE))
			.as("CaseImpartialityListener")
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-APL-1");
		assertThatThrownBy(() -> complete(AUDITING_QM, complaint, AppealComplaint.Elements.DECIDE,
				Map.of("caseOutcome", "DISMISSED", "caseOutcomeReasons", "不成立")))
			.as("CaseImpartialityListener")
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-APL-1");
		complete("quality", complaint, AppealComplaint.Elements.DECIDE,
				Map.of("caseOutcome", "UPHELD", "caseOutcomeReasons", "经核实系获证组织责任", "clientAtFault", true));
		assertThat(this.cases.get(complaint).decidedBy()).as("CaseDecisionListener").isEqualTo("quality");
		this.driver.fireDueJobs();
		assertThat(this.cases.get(complaint).status()).as("CommunicateCaseOutcomeDelegate").isEqualTo("CLOSED");
		assertThat(count("select count(*) from certificate_request where certificate_number = ?"
				+ " and event_kind = 'SERIOUS_COMPLAINT_PROVEN'", number))
			.as("ReportComplaintToLifecycleDelegate")
			.isOne();

		String late = this.cases
			.receive(new AppealCaseService.CaseBody("COMPLAINT", null, null, "某消费者", "态度差", "审查员迟到"), "reviewer");
		this.forgery.forge(late, this.forged);
		this.driver.moveTo(EngineTime.today().plusDays(6));
		assertThat(this.cases.get(late).escalatedAt()).as("RecordAcknowledgementOverdueDelegate").isNotNull();
		var untouched = this.cases.get(otherCase);
		assertThat(untouched.acknowledgedBy()).isNull();
		assertThat(untouched.decidedBy()).isNull();
		assertThat(untouched.status()).isEqualTo("RECEIVED");
	}

	private void review(String number) {
		complete("reviewer", number, CertificateLifecycle.Elements.REVIEW_CHANGE_REQUEST,
				Map.of("changeReviewOutcome", "ACCEPT", "changeReviewNotes", "材料齐全", "onsiteAuditNeeded", false));
	}

	private void auditChange(String number, int pointsLost) {
		Map<String, Object> plan = new HashMap<>();
		plan.put("planDecision", "PLAN");
		plan.put("leadAuditor", "lead");
		plan.put("auditTeam", "auditor");
		plan.put("plannedDate", EngineTime.today().toString());
		plan.put("auditContent", List.of("SERVICE_CHARACTERISTICS", "SERVICE_MANAGEMENT"));
		complete("lead", number, CertificateAudit.Elements.PLAN_AUDIT, plan);
		complete("lead", number, "Task_OpeningMeeting", Map.of("planConfirmed", true, "attendance", "总经理"));
		complete("auditor", number, "Task_EvaluateServiceCharacteristics", Map.of("findings", "符合"));
		complete("auditor", number, "Task_AuditServiceManagement", Map.of("findings", "有效"));
		complete("lead", number, "Task_ScoreAudit", this.driver.certification().sheetScores("PCEC", pointsLost));
		complete("lead", number, "Task_ClosingMeeting", Map.of());
	}

	private static Map<String, Object> decision(String decision, String reasons) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("certificateAuditDecision", decision);
		variables.put("certificateAuditReasons", reasons);
		variables.put("sanctionFacts", List.of());
		return variables;
	}

	private void complete(String user, String businessKey, String taskKey, Map<String, Object> form) {
		this.forgery.complete(this.forged, user, businessKey, taskKey, form);
	}

	private List<Long> surveillances(String certificate) {
		return this.jdbc.sql("select id from surveillance where certificate_number = ? order by id")
			.param(certificate)
			.query(Long.class)
			.list();
	}

	private long count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

	private String text(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(String.class).single();
	}

}
