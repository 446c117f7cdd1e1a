package cn.certflow.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.certflow.application.CertificationDriver;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.notification.ClientNotice;
import cn.certflow.notification.NoticeDelivery;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.Notices;
import cn.certflow.security.Groups;
import cn.certflow.surveillance.CertificateAudit;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Appeals and complaints (R-APL-1): recorded, acknowledged in time (else escalated),
 * decided by someone not involved in the contested matter (refused in the engine),
 * outcome communicated; a complaint proven the certified client's fault triggers a
 * special audit (R-SUR-2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class AppealComplaintProcessTest {

	/** A quality manager who also audits: involved in what they audited. */
	static final String AUDITING_QM = "qm-auditor";

	@Autowired
	ProcessEngine engine;

	@Autowired
	LifecycleDriver driver;

	@Autowired
	AppealCaseService cases;

	@Autowired
	CertificateRequests requests;

	@Autowired
	StatusHistory history;

	@Autowired
	IdentityService identity;

	@Autowired
	Notices notices;

	@BeforeEach
	void setUp() {
		init(this.engine);
		this.driver.moveTo(LocalDate.of(2026, 3, 10));
		if (this.identity.createUserQuery().userId(AUDITING_QM).count() == 0) {
			User user = this.identity.newUser(AUDITING_QM);
			this.identity.saveUser(user);
			this.identity.createMembership(AUDITING_QM, Groups.QUALITY_MANAGERS);
			this.identity.createMembership(AUDITING_QM, Groups.AUDITORS);
		}
		this.driver.certification().qualify(AUDITING_QM, cn.certflow.competence.QualificationRole.AUDITOR);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldKeepAnyoneInvolvedFromDecidingAnAppeal() {
		// R-APL-1: the auditors and the decider of the contested decision may not decide
		// the appeal
		String application = this.driver.certification().toDecisionWithTeam("lead", AUDITING_QM);
		this.driver.certification()
			.complete("decider", application, "Task_CertificationDecision",
					Map.of("decisionOutcome", "REFUSE", "decisionReasons", "评分未达到申请等级"));
		String number = this.cases.receive(
				new AppealComplaintBody("APPEAL", null, application, "天津某某电器服务有限公司", "对不予认证决定的申诉", "我们认为评分有误").body(),
				"reviewer");
		assertThat(this.cases.get(number).involvedPersons()).contains("decider", "lead", AUDITING_QM);

		this.driver.certification()
			.complete("reviewer", number, AppealComplaint.Elements.ACKNOWLEDGE,
					Map.of("acknowledgementText", "已收到贵公司申诉，将在30日内答复"));
		// CASE_ACKNOWLEDGED (R-APL-1): the appellant is the client, told in its inbox
		assertThat(notices(number, NoticeKind.CASE_ACKNOWLEDGED)).singleElement().satisfies((n) -> {
			assertThat(n.applicationNumber()).isEqualTo(application);
			assertThat(n.body()).contains("申诉").contains(number).contains("已收到贵公司申诉，将在30日内答复");
		});
		assertThatThrownBy(
				() -> this.driver.certification().claim(AUDITING_QM, number, AppealComplaint.Elements.DECIDE))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-APL-1");
		assertThatThrownBy(() -> this.driver.certification()
			.complete(AUDITING_QM, number, AppealComplaint.Elements.DECIDE,
					Map.of("caseOutcome", "DISMISSED", "caseOutcomeReasons", "x")))
			.isInstanceOf(AuthorizationException.class);

		this.driver.certification()
			.complete("quality", number, AppealComplaint.Elements.DECIDE,
					Map.of("caseOutcome", "DISMISSED", "caseOutcomeReasons", "复核评分无误，维持原决定", "clientAtFault", false));

		CaseRecord record = this.cases.get(number);
		assertThat(record.status()).isEqualTo("CLOSED");
		assertThat(record.decidedBy()).isEqualTo("quality");
		assertThat(record.communicatedAt()).isNotNull();
		// CASE_OUTCOME (R-APL-1): the appeal's outcome with its reasons, written with
		// the decision and mailed at once by the case's own next step (no mail server
		// here: kept for a letter)
		assertThat(notices(number, NoticeKind.CASE_OUTCOME)).singleElement()
			.satisfies((n) -> assertThat(n.delivery()).isEqualTo(NoticeDelivery.PENDING));
		mailOutcome(number);
		assertThat(notices(number, NoticeKind.CASE_OUTCOME)).singleElement().satisfies((n) -> {
			assertThat(n.applicationNumber()).isEqualTo(application);
			assertThat(n.body()).contains("处理结果：不成立").contains("复核评分无误，维持原决定");
			assertThat(n.attempts()).isOne();
			assertThat(n.delivery()).isEqualTo(NoticeDelivery.NOT_SENT);
		});
		assertThat(this.history.of(StatusHistory.Entity.CASE, number)).extracting(StatusHistory.Change::toStatus)
			.containsExactly("RECEIVED", "ACKNOWLEDGED", "DISMISSED", "CLOSED");
	}

	@Test
	void shouldKeepTheQualityManagerWhoApprovedATerminationFromDecidingTheAppeal() {
		// R-APL-1, PCEC 14 ("缺乏公正性及对认证的审查结果等有异议"): the quality manager who
		// approved the audit's termination took part in the contested decision and may
		// not
		// decide the appeal against it; refused naming the person (as R-DEC-1)
		String application = this.driver.certification().submit(CertificationDriver.request("PCEC", 3, 50));
		this.driver.certification().acceptApplication(application);
		this.driver.certification().signContract(application);
		this.driver.certification().reviewAndPlan(application, "lead", "auditor");
		this.driver.certification()
			.complete("lead", application, OnsiteAudit.Elements.OPENING_MEETING,
					Map.of("planConfirmed", true, "attendance", "总经理"));
		this.driver.certification()
			.complete("auditor", application, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
					Map.of("findings", "现场无认证范围内服务活动", "proposeTermination", true, "terminationClause", "(4)",
							"terminationReason", "现场无认证范围内服务活动"));
		this.driver.certification()
			.complete("auditor", application, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT, Map.of("findings", "未开展"));
		this.driver.certification()
			.complete("quality", application, OnsiteAudit.Elements.APPROVE_TERMINATION,
					Map.of("terminationApproved", true));

		String number = this.cases.receive(
				new AppealComplaintBody("APPEAL", null, application, "天津某某电器服务有限公司", "对终止审查的申诉", "现场有服务活动").body(),
				"reviewer");
		assertThat(this.cases.get(number).involvedPersons()).contains("quality", "lead", "auditor");
		this.driver.certification()
			.complete("reviewer", number, AppealComplaint.Elements.ACKNOWLEDGE, Map.of("acknowledgementText", "已受理"));
		assertThatThrownBy(() -> this.driver.certification()
			.complete("quality", number, AppealComplaint.Elements.DECIDE,
					Map.of("caseOutcome", "DISMISSED", "caseOutcomeReasons", "维持终止", "clientAtFault", false)))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("R-APL-1")
			.hasMessageContaining("quality ");
		this.driver.certification()
			.complete("quality2", number, AppealComplaint.Elements.DECIDE,
					Map.of("caseOutcome", "UPHELD", "caseOutcomeReasons", "重新安排现场审查", "clientAtFault", false));
		assertThat(this.cases.get(number).decidedBy()).isEqualTo("quality2");
	}

	@Test
	void shouldKeepWhoeverDecidedAnEarlierCaseOnTheMatterFromDecidingTheAppeal() {
		// R-APL-1, PCEC 14: anyone who handled the matter before — here the quality
		// manager
		// who dismissed the client's complaint — may not decide the appeal against it
		String application = this.driver.certification().toDecisionWithTeam("lead", "auditor");
		this.driver.certification()
			.complete("decider", application, "Task_CertificationDecision",
					Map.of("decisionOutcome", "REFUSE", "decisionReasons", "评分未达到申请等级"));
		String complaint = this.cases.receive(
				new AppealComplaintBody("COMPLAINT", null, application, "天津某某电器服务有限公司", "审查员态度", "审查员迟到").body(),
				"reviewer");
		this.driver.certification()
			.complete("reviewer", complaint, AppealComplaint.Elements.ACKNOWLEDGE,
					Map.of("acknowledgementText", "已受理"));
		this.driver.certification()
			.complete("quality", complaint, AppealComplaint.Elements.DECIDE,
					Map.of("caseOutcome", "DISMISSED", "caseOutcomeReasons", "经核实不成立", "clientAtFault", false));

		String appeal = this.cases.receive(
				new AppealComplaintBody("APPEAL", null, application, "天津某某电器服务有限公司", "对投诉处理的申诉", "不同意处理结果").body(),
				"reviewer");
		assertThat(this.cases.get(appeal).involvedPersons()).contains("quality", "decider", "lead", "auditor");
		this.driver.certification()
			.complete("reviewer", appeal, AppealComplaint.Elements.ACKNOWLEDGE, Map.of("acknowledgementText", "已受理"));
		assertThatThrownBy(() -> this.driver.certification().claim("quality", appeal, AppealComplaint.Elements.DECIDE))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("quality ");
		this.driver.certification()
			.complete("quality2", appeal, AppealComplaint.Elements.DECIDE,
					Map.of("caseOutcome", "DISMISSED", "caseOutcomeReasons", "维持原处理", "clientAtFault", false));
	}

	@Test
	void shouldEscalateALateAcknowledgementWithoutDroppingIt() {
		String number = this.cases.receive(
				new AppealComplaintBody("COMPLAINT", null, null, "某消费者", "对认证机构服务的投诉", "审查员迟到").body(), "reviewer");
		this.driver.moveTo(LocalDate.of(2026, 3, 16));
		assertThat(this.cases.get(number).escalatedAt()).isNotNull();
		assertThat(this.driver.certification().task(number, AppealComplaint.Elements.ACKNOWLEDGE)).isNotNull();
	}

	@Test
	void shouldTriggerASpecialAuditForAComplaintProvenTheClientsFault() {
		// R-APL-1 + R-SUR-2: an upheld complaint, the client at fault → the certificate's
		// lifecycle plans a special audit. The complainant is a consumer without an
		// account, written to at the e-mail address on the case (issue 18)
		String certificate = this.driver.certify(3, 0);
		String number = this.cases.receive(new AppealComplaintBody("COMPLAINT", certificate, null, "张先生", "维修后再次故障",
				"三次维修未修好，拒绝退换", "zhang@example.com")
			.body(), "reviewer");
		assertThat(this.notices.forCase(number)).as("nothing written before the acknowledgement").isEmpty();
		this.driver.certification()
			.complete("reviewer", number, AppealComplaint.Elements.ACKNOWLEDGE,
					Map.of("acknowledgementText", "已受理，30日内书面答复"));
		// CASE_ACKNOWLEDGED (R-APL-1, PCEC 14): the acknowledgement as the reviewer wrote
		// it, in the task's transaction, to the complainant's e-mail and to the client
		assertThat(notices(number, NoticeKind.CASE_ACKNOWLEDGED)).satisfiesExactly((toComplainant) -> {
			assertThat(toComplainant.contactEmail()).isEqualTo("zhang@example.com");
			assertThat(toComplainant.certificateNumber()).isNull();
			assertThat(toComplainant.body()).startsWith("张先生：").contains(number).contains("已受理，30日内书面答复");
		}, (toClient) -> {
			assertThat(toClient.certificateNumber()).isEqualTo(certificate);
			assertThat(toClient.body()).contains(number).contains("已受理，30日内书面答复");
		});
		assertThatThrownBy(() -> this.driver.certification()
			.complete("quality", number, AppealComplaint.Elements.DECIDE,
					Map.of("caseOutcome", "DISMISSED", "caseOutcomeReasons", "不成立", "clientAtFault", true)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("clientAtFault");
		this.driver.certification()
			.complete("quality", number, AppealComplaint.Elements.DECIDE,
					Map.of("caseOutcome", "UPHELD", "caseOutcomeReasons", "经核实系获证组织责任", "clientAtFault", true));
		// CASE_OUTCOME (R-APL-1): written with the decision, to the same two
		assertThat(notices(number, NoticeKind.CASE_OUTCOME)).hasSize(2)
			.allSatisfy((n) -> assertThat(n.delivery()).isEqualTo(NoticeDelivery.PENDING));
		mailOutcome(number);

		// mailed at once by the case's own next step, not by a later one; no mail
		// server here: kept for a letter, with why
		assertThat(notices(number, NoticeKind.CASE_OUTCOME))
			.satisfiesExactly(
					(toComplainant) -> assertThat(toComplainant.contactEmail()).isEqualTo("zhang@example.com"),
					(toClient) -> assertThat(toClient.certificateNumber()).isEqualTo(certificate))
			.allSatisfy((n) -> {
				assertThat(n.body()).contains(number).contains("处理结果：成立").contains("经核实系获证组织责任");
				assertThat(n.attempts()).isOne();
				assertThat(n.delivery()).isEqualTo(NoticeDelivery.NOT_SENT);
				assertThat(n.deliveryNote()).contains("no mail server configured");
			});
		this.driver.fireDueJobs(); // then reported to the certificate's lifecycle

		assertThat(this.requests.of(certificate)).anySatisfy(r -> {
			assertThat(r.eventKind()).isEqualTo("SERIOUS_COMPLAINT_PROVEN");
			assertThat(r.outcome()).startsWith("special audit");
		});
		var plan = this.driver.certification().task(certificate, CertificateAudit.Elements.PLAN_AUDIT);
		assertThat(plan).isNotNull();
		assertThat(this.engine.getTaskService().getVariable(plan.getId(), CertificateAudit.AUDIT_KIND.getName()))
			.isEqualTo("SPECIAL");
		assertThat(this.engine.getRuntimeService()
			.getVariable(this.driver.lifecycle(certificate).getId(), CertificateLifecycle.TRIGGER_RULES.getName())
			.toString()).isNotBlank();
		assertThat(List.of(this.cases.get(number).status())).containsExactly("CLOSED");
	}

	/**
	 * Runs the case's asynchronous mail step, Task_MailOutcome, as the job executor would
	 * (it is off in tests), and nothing else.
	 */
	private void mailOutcome(String caseNumber) {
		String instance = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNumber, AppealComplaint.KEY)
			.singleResult()
			.getId();
		Job mail = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance)
			.activityId("Task_MailOutcome")
			.singleResult();
		assertThat(mail).as("the mail step of " + caseNumber).isNotNull();
		this.engine.getManagementService().executeJob(mail.getId());
	}

	/** The notices of {@code kind} about the case, oldest first. */
	private List<ClientNotice> notices(String caseNumber, NoticeKind kind) {
		return this.notices.forCase(caseNumber).stream().filter((n) -> n.kind().equals(kind.name())).toList();
	}

	/**
	 * Test shorthand for a case body; {@code complainantEmail} for a complainant without
	 * an account.
	 */
	record AppealComplaintBody(String kind, String certificateNumber, String applicationNumber, String complainant,
			String subject, String description, String complainantEmail) {

		AppealComplaintBody(String kind, String certificateNumber, String applicationNumber, String complainant,
				String subject, String description) {
			this(kind, certificateNumber, applicationNumber, complainant, subject, description, null);
		}

		AppealCaseService.CaseBody body() {
			return new AppealCaseService.CaseBody(this.kind, this.certificateNumber, this.applicationNumber,
					this.complainant, this.subject, this.description, this.complainantEmail);
		}

	}

}
