package cn.certflow.application;

import static cn.certflow.application.InitialCertification.Elements.APPLICATION_REJECTED;
import static cn.certflow.application.InitialCertification.Elements.AUDIT_TERMINATED;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATE_ISSUED;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATION_DECISION;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATION_REFUSED;
import static cn.certflow.application.InitialCertification.Elements.APPOINT_AUDIT_TEAM;
import static cn.certflow.application.InitialCertification.Elements.DETERMINE_AUDIT_TIME;
import static cn.certflow.application.InitialCertification.Elements.ESCALATION_HANDLED;
import static cn.certflow.application.InitialCertification.Elements.HANDLE_OVERDUE_REVIEW;
import static cn.certflow.application.InitialCertification.Elements.ISSUE_CERTIFICATE;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_AUDIT_TERMINATION;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_CERTIFICATE_ISSUED;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_DOCUMENT_FINDINGS;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_REFUSAL;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_REJECTION;
import static cn.certflow.application.InitialCertification.Elements.ONSITE_AUDIT;
import static cn.certflow.application.InitialCertification.Elements.PLAN_AUDIT;
import static cn.certflow.application.InitialCertification.Elements.RECORD_ESCALATION;
import static cn.certflow.application.InitialCertification.Elements.REFUSE_CERTIFICATION;
import static cn.certflow.application.InitialCertification.Elements.REGISTER_APPLICATION;
import static cn.certflow.application.InitialCertification.Elements.REJECT_APPLICATION;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_APPLICATION;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_DOCUMENTS;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_OVERDUE;
import static cn.certflow.application.InitialCertification.Elements.SIGN_CONTRACT;
import static cn.certflow.application.InitialCertification.Elements.SUBMIT_CORRECTIONS;
import static cn.certflow.application.InitialCertification.Elements.DOCUMENT_CORRECTIONS_OVERDUE;
import static cn.certflow.application.InitialCertification.Elements.HANDLE_OVERDUE_DOCUMENT_CORRECTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;

import cn.certflow.audit.AuditVariables;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.support.EngineClock;
import cn.certflow.support.GatewayPaths;
import cn.certflow.support.ProcessTestEngine;
import cn.certflow.support.StandIns;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R-APP-2/3/4, R-DOC-1, R-PLAN-1, R-DEC-1, R-CERT-1: the flow of
 * processes/initial-certification.bpmn with the engine alone, its beans stood in for
 * (what they check and record is tested on the whole application by
 * InitialCertificationProcessTest); the DMN audit-time is the real one, the on-site audit
 * it calls a stand-in (its own flow is OnsiteAuditProcessTest).
 *
 * <p>
 * Gateways and events of the model, and the test that walks each outgoing path:
 * <ul>
 * <li>BoundaryEvent_ReviewOverdue (non-interrupting timer at {@code ${reviewDueDate}}),
 * not before its deadline: {@link #shouldNotEscalateTheReviewBeforeItIsDue}; at its
 * deadline → Task_RecordEscalation → Task_HandleOverdueReview →
 * EndEvent_EscalationHandled, the review staying open:
 * {@link #shouldEscalateAnOverdueReviewToTheManagersAndKeepItOpen};</li>
 * <li>Gateway_ApplicationAccepted: Flow_Accepted → Task_SignContract
 * {@link #shouldAskForTheContractWhenTheApplicationIsAccepted}; Flow_Rejected →
 * Task_RejectApplication → Task_NotifyRejection → EndEvent_ApplicationRejected
 * {@link #shouldRejectTheApplicationInWritingAndMailTheReasons};</li>
 * <li>after the contract, Task_AppointAuditTeam → Task_ReviewDocuments by that team (PCEC
 * 8.1, issue 20.3); Gateway_DocumentsPassed: Flow_DocumentsPassed →
 * Task_DetermineAuditTime (DMN audit-time) → Task_PlanAudit → CallActivity_OnsiteAudit
 * {@link #shouldAppointTheTeamThatReviewsTheDocumentsThenAuditWhenTheyPass};
 * Flow_CorrectionsNeeded → Gateway_SendFindings (parallel: Task_SubmitCorrections and
 * Task_NotifyDocumentFindings → EndEvent_FindingsSent) → Task_ReviewDocuments again
 * {@link #shouldMailTheFindingsAndWaitForTheCorrectionsWhenTheDocumentsNeedThem};</li>
 * <li>Gateway_AuditTerminated: Flow_AuditTerminated → Task_NotifyAuditTermination →
 * EndEvent_AuditTerminated {@link #shouldEndWithoutDecisionWhenTheAuditIsTerminated};
 * Flow_ToDecision → Task_CertificationDecision
 * {@link #shouldHandTheAuditResultToTheDecisionMakersWhenTheAuditIsNotTerminated};</li>
 * <li>Gateway_Certified: Flow_Certify → Task_IssueCertificate →
 * Task_NotifyCertificateIssued → EndEvent_CertificateIssued
 * {@link #shouldIssueTheCertificateAndMailItWhenCertified}; Flow_Refuse →
 * Task_RefuseCertification → Task_NotifyRefusal → EndEvent_CertificationRefused
 * {@link #shouldRefuseInWritingAndMailTheReasonsWhenRefused}.</li>
 * </ul>
 */
@Deployment(resources = { "processes/initial-certification.bpmn", "rules/audit-time.dmn" })
class InitialCertificationProcessPathsTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/initial-certification.bpmn");

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	private static final String NUMBER = "APP-2026-000042";

	/**
	 * The stand-in for the on-site audit: one task, completed with the audit's outcome.
	 */
	private static final String ONSITE_AUDIT_TASK = "Task_OnsiteAuditStandIn";

	private static final String FINDINGS_SENT = "EndEvent_FindingsSent";

	private final StandIns beans = new StandIns();

	/** What the register delegate sets: 10 days to review (R-APP-2). */
	private Date reviewDue;

	/** What the document review's listener sets when corrections are needed. */
	private Date correctionsDue;

	@BeforeEach
	void standIns() {
		this.reviewDue = this.clock.inDays(10);
		this.correctionsDue = this.clock.inDays(30);
		engine.deploy("onsite-audit-stand-in.bpmn",
				Bpmn.createExecutableProcess(OnsiteAudit.KEY)
					.camundaHistoryTimeToLive(1)
					.startEvent()
					.userTask(ONSITE_AUDIT_TASK)
					.endEvent()
					.done());
		this.beans.record("clientOnRecordListener", "applicationReviewListener", "recordEscalationDelegate",
				"rejectApplicationDelegate", "sendClientNoticeDelegate", "contractListener",
				"documentCorrectionsListener", "applicationClientListener", "documentCorrectionsOverdueListener",
				"overdueDocumentCorrectionsListener", "auditTeamListener", "auditPlanListener", "impartialityListener",
				"certificationDecisionListener", "refuseCertificationDelegate", "issueCertificateDelegate",
				"certificateIssuedNoticeListener", "holderOnRecordListener", "applicationTerminatedListener")
			.silent("contactAccountListener", "creditCheckListener", "documentReviewCompetenceListener",
					"auditTeamCompetenceListener", "appointedTeamCompetenceListener", "deciderCompetenceListener",
					"qualifiedTeamListener", "clientTaskOverdueDelegate")
			.task("documentReviewListener", (task) -> {
				if ("CORRECTIONS_NEEDED".equals(InitialCertification.DOCUMENT_REVIEW_OUTCOME.from(task).get())) {
					InitialCertification.DOCUMENT_CORRECTIONS_DUE_DATE.on(task).set(this.correctionsDue);
				}
			})
			.execution("registerApplicationDelegate", (execution) -> {
				InitialCertification.APPLICATION_NUMBER.on(execution).set(NUMBER);
				InitialCertification.REVIEW_DUE_DATE.on(execution).set(this.reviewDue);
			});
	}

	private static VariableMap application() {
		return CamundaBpmData.builder()
			.set(InitialCertification.APPLICATION_NUMBER, NUMBER)
			.set(InitialCertification.CLIENT_NAME, "天津某某电器服务有限公司")
			.set(InitialCertification.SCHEME_ID, "PCEC")
			.set(InitialCertification.REQUESTED_STARS, 5)
			.set(InitialCertification.HEADCOUNT, 12)
			.build();
	}

	/** The audit team as the plan's listener leaves it on the process. */
	private static VariableMap team() {
		return CamundaBpmData.builder()
			.set(AuditVariables.LEAD_AUDITOR, "lead")
			.set(AuditVariables.AUDIT_TEAM_MEMBERS, "lead,auditor")
			.build();
	}

	/** An application as the start form submits it. */
	private static ProcessInstance apply() {
		return engine.getRuntimeService().startProcessInstanceByKey(InitialCertification.KEY, NUMBER, application());
	}

	/** The certification started before one of its steps. */
	private static ProcessInstance startBefore(String activityId) {
		VariableMap variables = application();
		if (REVIEW_DOCUMENTS.equals(activityId)) {
			variables.putAll(team());
		}
		return engine.getRuntimeService()
			.createProcessInstanceByKey(InitialCertification.KEY)
			.businessKey(NUMBER)
			.setVariables(variables)
			.startBeforeActivity(activityId)
			.execute();
	}

	private static void runJobAt(ProcessInstance instance, String activityId) {
		assertThat(instance).isWaitingAt(activityId);
		Job job = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.singleResult();
		engine.getManagementService().executeJob(job.getId());
	}

	private static void review(ProcessInstance instance, String outcome) {
		complete(task(REVIEW_APPLICATION, instance), withVariables(InitialCertification.REVIEW_OUTCOME.getName(),
				outcome, InitialCertification.REJECTION_REASON.getName(), "不在认证范围内"));
	}

	private static void reviewDocuments(ProcessInstance instance, String outcome) {
		complete(task(REVIEW_DOCUMENTS, instance), withVariables(InitialCertification.DOCUMENT_REVIEW_OUTCOME.getName(),
				outcome, InitialCertification.DOCUMENT_FINDINGS.getName(), "缺少售后服务管理制度"));
	}

	/** The on-site audit (stand-in) ended with {@code outcome}. */
	private static ProcessInstance audited(OnsiteAudit.Outcome outcome) {
		ProcessInstance instance = startBefore(ONSITE_AUDIT);
		ProcessInstance audit = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(instance.getId())
			.singleResult();
		assertThat(audit).variables()
			.containsEntry(InitialCertification.APPLICATION_NUMBER.getName(), NUMBER)
			.containsEntry(InitialCertification.SCHEME_ID.getName(), "PCEC");
		complete(task(ONSITE_AUDIT_TASK, audit),
				withVariables(OnsiteAudit.AUDIT_OUTCOME.getName(), outcome.name(), OnsiteAudit.SCORE.getName(), "820"));
		assertThat(audit).isEnded();
		return instance;
	}

	private static void decide(ProcessInstance instance, String outcome) {
		complete(task(CERTIFICATION_DECISION, instance), withVariables(InitialCertification.DECISION_OUTCOME.getName(),
				outcome, InitialCertification.DECISION_REASONS.getName(), "评分达到申请等级"));
	}

	@Test
	void shouldAskForTheContractWhenTheApplicationIsAccepted() {
		// R-APP-2/4: accepted → the contract is signed before anything else
		ProcessInstance instance = apply();
		assertThat(instance).hasPassed(REGISTER_APPLICATION).isWaitingAt(REVIEW_APPLICATION);
		assertThat(task(REVIEW_APPLICATION, instance)).hasCandidateGroup("cb-reviewers").hasDueDate(this.reviewDue);
		review(instance, ApplicationReviewListener.ACCEPT);
		assertThat(instance).isWaitingAt(SIGN_CONTRACT).hasNotPassed(REJECT_APPLICATION);
		assertThat(task(SIGN_CONTRACT, instance)).hasCandidateGroup("cb-reviewers");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
			.as("the overdue timer goes with the review task")
			.isZero();
		complete(task(SIGN_CONTRACT, instance),
				withVariables(InitialCertification.CONTRACT_NUMBER.getName(), "HT-2026-001"));
		assertThat(instance).isWaitingAt(APPOINT_AUDIT_TEAM).hasNotPassed(REVIEW_DOCUMENTS, DETERMINE_AUDIT_TIME);
		assertThat(this.beans.calls()).containsExactly("registerApplicationDelegate", "clientOnRecordListener:create",
				"applicationReviewListener:complete", "contractListener:complete");
	}

	@Test
	void shouldRejectTheApplicationInWritingAndMailTheReasons() {
		// R-APP-3: a rejection is written with its reasons and mailed to the client
		ProcessInstance instance = apply();
		review(instance, "REJECT");
		assertThat(instance).hasPassed(REJECT_APPLICATION).hasNotPassed(SIGN_CONTRACT);
		runJobAt(instance, NOTIFY_REJECTION);
		assertThat(instance).isEnded().hasPassed(NOTIFY_REJECTION, APPLICATION_REJECTED);
		assertThat(this.beans.calls()).endsWith("applicationReviewListener:complete", "rejectApplicationDelegate",
				"sendClientNoticeDelegate");
	}

	@Test
	void shouldNotEscalateTheReviewBeforeItIsDue() {
		ProcessInstance instance = apply();
		this.clock.moveJustBefore(this.reviewDue);
		assertThat(engine.dueTimers(instance)).isEmpty();
		assertThat(engine.pendingTimers(instance)).singleElement()
			.satisfies((timer) -> assertThat(timer.getDuedate()).isEqualTo(this.reviewDue));
		assertThat(instance).isWaitingAt(REVIEW_APPLICATION).hasNotPassed(REVIEW_OVERDUE);
	}

	@Test
	void shouldEscalateAnOverdueReviewToTheManagersAndKeepItOpen() {
		// R-APP-2: the review is due in 10 days; overdue, managers get a task and the
		// review stays open
		ProcessInstance instance = apply();
		this.clock.movePast(this.reviewDue);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).hasPassed(REVIEW_OVERDUE, RECORD_ESCALATION)
			.isWaitingAt(REVIEW_APPLICATION, HANDLE_OVERDUE_REVIEW);
		assertThat(task(HANDLE_OVERDUE_REVIEW, instance)).hasCandidateGroup("managers");
		complete(task(HANDLE_OVERDUE_REVIEW, instance));
		assertThat(instance).hasPassed(ESCALATION_HANDLED).isWaitingAt(REVIEW_APPLICATION);
		review(instance, ApplicationReviewListener.ACCEPT);
		assertThat(instance).isWaitingAt(SIGN_CONTRACT);
		assertThat(this.beans.calls()).contains("recordEscalationDelegate");
	}

	@Test
	void shouldAppointTheTeamThatReviewsTheDocumentsThenAuditWhenTheyPass() {
		// PCEC 8.1 ("PCEC安排审查组对企业的管理文件进行评审…由审查组组长和/或具备相关专业能力的
		// 审查员进行文件评审…文件评审通过后，方可安排现场审查", issue 20.3): the team first, the
		// document review is the team's; R-DOC-1, R-PLAN-1: once it passes, person-days
		// from the DMN audit-time, then the on-site plan
		ProcessInstance instance = startBefore(APPOINT_AUDIT_TEAM);
		assertThat(task(APPOINT_AUDIT_TEAM, instance)).hasCandidateGroup("lead-auditors");
		complete(task(APPOINT_AUDIT_TEAM, instance), team());
		assertThat(instance).isWaitingAt(REVIEW_DOCUMENTS).hasNotPassed(DETERMINE_AUDIT_TIME);
		assertThat(task(REVIEW_DOCUMENTS, instance)).hasCandidateUser("lead").hasCandidateUser("auditor");
		assertThat(engine.getTaskService().getIdentityLinksForTask(task(REVIEW_DOCUMENTS, instance).getId()))
			.as("no one outside the team")
			.allSatisfy((link) -> assertThat(link.getGroupId()).isNull());
		reviewDocuments(instance, "PASSED");
		assertThat(instance).hasPassed(DETERMINE_AUDIT_TIME)
			.hasNotPassed(SUBMIT_CORRECTIONS, NOTIFY_DOCUMENT_FINDINGS)
			.isWaitingAt(PLAN_AUDIT)
			.variables()
			.containsEntry(AuditVariables.PERSON_DAYS.getName(), 2);
		assertThat(task(PLAN_AUDIT, instance)).hasCandidateGroup("lead-auditors");
		complete(task(PLAN_AUDIT, instance));
		assertThat(instance).isWaitingAt(ONSITE_AUDIT);
		assertThat(this.beans.calls()).containsExactly("auditTeamListener:complete", "documentReviewListener:complete",
				"auditPlanListener:complete");
	}

	@Test
	void shouldMailTheFindingsAndWaitForTheCorrectionsWhenTheDocumentsNeedThem() {
		// R-DOC-1: the findings are mailed on a branch of their own; the corrections come
		// back to the review
		ProcessInstance instance = startBefore(REVIEW_DOCUMENTS);
		reviewDocuments(instance, "CORRECTIONS_NEEDED");
		assertThat(instance).isWaitingAt(SUBMIT_CORRECTIONS, NOTIFY_DOCUMENT_FINDINGS)
			.hasNotPassed(DETERMINE_AUDIT_TIME);
		// issue 18.3: the client's task, done in the portal
		assertThat(task(SUBMIT_CORRECTIONS, instance)).hasCandidateGroup("clients").hasName("提交整改后的文件").isNotAssigned();
		complete(task(SUBMIT_CORRECTIONS, instance));
		assertThat(instance).isWaitingAt(REVIEW_DOCUMENTS, NOTIFY_DOCUMENT_FINDINGS);
		runJobAt(instance, NOTIFY_DOCUMENT_FINDINGS);
		assertThat(instance).hasPassed(FINDINGS_SENT).isWaitingAt(REVIEW_DOCUMENTS);
		reviewDocuments(instance, "PASSED");
		assertThat(instance).isWaitingAt(PLAN_AUDIT);
		assertThat(this.beans.calls()).containsExactly("documentReviewListener:complete",
				"applicationClientListener:create", "documentCorrectionsListener:complete", "sendClientNoticeDelegate",
				"documentReviewListener:complete");
	}

	@Test
	void shouldRemindTheClientAndAskTheTeamToFollowUpWhenTheCorrectedDocumentsAreOverdue() {
		// PCEC 8.1 sets no period for the corrections: the product default (regulatory
		// clock DOCUMENT_CORRECTIONS) is the client task's due date and its timer; not
		// before, and the client's task stays open after (issue 18.3)
		ProcessInstance instance = startBefore(REVIEW_DOCUMENTS);
		reviewDocuments(instance, "CORRECTIONS_NEEDED");
		assertThat(task(SUBMIT_CORRECTIONS, instance).getDueDate()).isEqualTo(this.correctionsDue);
		this.clock.moveJustBefore(this.correctionsDue);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(this.correctionsDue);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).hasPassed(DOCUMENT_CORRECTIONS_OVERDUE)
			.isWaitingAt(SUBMIT_CORRECTIONS, HANDLE_OVERDUE_DOCUMENT_CORRECTIONS);
		assertThat(task(HANDLE_OVERDUE_DOCUMENT_CORRECTIONS, instance)).hasCandidateUser("lead")
			.hasCandidateGroup("cb-reviewers")
			.hasName("客户逾期未提交整改文件");
		complete(task(HANDLE_OVERDUE_DOCUMENT_CORRECTIONS, instance));
		assertThat(instance).hasPassed("EndEvent_OverdueDocumentCorrectionsHandled").isWaitingAt(SUBMIT_CORRECTIONS);
		assertThat(engine.fireDueTimers(instance)).as("the timer fires once").isZero();
		complete(task(SUBMIT_CORRECTIONS, instance));
		assertThat(instance).isWaitingAt(REVIEW_DOCUMENTS);
		assertThat(this.beans.calls()).containsSubsequence("documentCorrectionsOverdueListener:create",
				"overdueDocumentCorrectionsListener:complete", "documentCorrectionsListener:complete");
	}

	@Test
	void shouldEndWithoutDecisionWhenTheAuditIsTerminated() {
		// R-AUD-*: a terminated audit is not graded nor decided; the client is told
		ProcessInstance instance = audited(OnsiteAudit.Outcome.TERMINATED);
		assertThat(this.beans.calls()).containsExactly("applicationTerminatedListener:take");
		runJobAt(instance, NOTIFY_AUDIT_TERMINATION);
		assertThat(instance).isEnded().hasPassed(AUDIT_TERMINATED).hasNotPassed(CERTIFICATION_DECISION);
	}

	@Test
	void shouldHandTheAuditResultToTheDecisionMakersWhenTheAuditIsNotTerminated() {
		// R-DEC-1: the decision makers decide on the audit's result
		ProcessInstance instance = audited(OnsiteAudit.Outcome.NOT_RECOMMENDED);
		assertThat(instance).isWaitingAt(CERTIFICATION_DECISION)
			.hasNotPassed(NOTIFY_AUDIT_TERMINATION)
			.variables()
			.containsEntry(OnsiteAudit.AUDIT_OUTCOME.getName(), OnsiteAudit.Outcome.NOT_RECOMMENDED.name());
		assertThat(this.beans.calls()).doesNotContain("applicationTerminatedListener:take");
		assertThat(task(CERTIFICATION_DECISION, instance)).hasCandidateGroup("decision-makers");
	}

	@Test
	void shouldIssueTheCertificateAndMailItWhenCertified() {
		// R-CERT-1: certified → the certificate is issued and mailed
		ProcessInstance instance = startBefore(CERTIFICATION_DECISION);
		decide(instance, "CERTIFY");
		assertThat(instance).hasPassed(ISSUE_CERTIFICATE).hasNotPassed(REFUSE_CERTIFICATION);
		runJobAt(instance, NOTIFY_CERTIFICATE_ISSUED);
		assertThat(instance).isEnded().hasPassed(CERTIFICATE_ISSUED);
		assertThat(this.beans.calls()).containsExactly("impartialityListener:complete",
				"certificationDecisionListener:complete", "issueCertificateDelegate",
				"certificateIssuedNoticeListener:end", "holderOnRecordListener:end", "sendClientNoticeDelegate");
	}

	@Test
	void shouldRefuseInWritingAndMailTheReasonsWhenRefused() {
		// R-DEC-2: a refusal is written with its reasons and mailed
		ProcessInstance instance = startBefore(CERTIFICATION_DECISION);
		decide(instance, "REFUSE");
		assertThat(instance).hasPassed(REFUSE_CERTIFICATION).hasNotPassed(ISSUE_CERTIFICATE);
		runJobAt(instance, NOTIFY_REFUSAL);
		assertThat(instance).isEnded().hasPassed(CERTIFICATION_REFUSED).hasNotPassed(CERTIFICATE_ISSUED);
	}

}
