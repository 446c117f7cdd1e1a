package cn.certflow.surveillance;

import static cn.certflow.surveillance.CertificateAudit.Elements.APPLY_APPROVAL;
import static cn.certflow.surveillance.CertificateAudit.Elements.AUDIT_CLOSED;
import static cn.certflow.surveillance.CertificateAudit.Elements.CERTIFICATE_WITHDRAWN;
import static cn.certflow.surveillance.CertificateAudit.Elements.DECIDE;
import static cn.certflow.surveillance.CertificateAudit.Elements.DECISION_GATEWAY;
import static cn.certflow.surveillance.CertificateAudit.Elements.DETERMINE_AUDIT_TIME;
import static cn.certflow.surveillance.CertificateAudit.Elements.DOWNGRADE;
import static cn.certflow.surveillance.CertificateAudit.Elements.HANDLE_OVERDUE_PLANNING;
import static cn.certflow.surveillance.CertificateAudit.Elements.MAIL_REFUSAL;
import static cn.certflow.surveillance.CertificateAudit.Elements.NOTIFY_REFUSAL;
import static cn.certflow.surveillance.CertificateAudit.Elements.ONSITE_AUDIT;
import static cn.certflow.surveillance.CertificateAudit.Elements.OVERDUE_LEFT_TO_CALLER;
import static cn.certflow.surveillance.CertificateAudit.Elements.OVERDUE_PLANNING_HANDLED;
import static cn.certflow.surveillance.CertificateAudit.Elements.PLANNING_OVERDUE;
import static cn.certflow.surveillance.CertificateAudit.Elements.PLAN_AUDIT;
import static cn.certflow.surveillance.CertificateAudit.Elements.RECOMMEND_SANCTION;
import static cn.certflow.surveillance.CertificateAudit.Elements.SUSPEND;
import static cn.certflow.surveillance.CertificateAudit.Elements.WITHDRAW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.certflow.application.InitialCertification;
import cn.certflow.audit.AuditVariables;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateSuspension;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.support.EngineClock;
import cn.certflow.support.GatewayPaths;
import cn.certflow.support.ProcessTestEngine;
import cn.certflow.support.StandIns;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.CallActivityBuilder;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R-SUR-1/2/3, R-REC-1, R-CHG-1, R-DEC-1, R-SUS-1: the flow of
 * processes/certificate-audit.bpmn with the engine alone, its beans stood in for (the
 * rules they enforce are tested with their services: SanctionAdvice in
 * CertificateSanctionRulesTest, the whole in CertificateLifecycleProcessTest). The
 * on-site audit it calls is a stand-in (its own flow is OnsiteAuditProcessTest); the
 * suspension it calls is the real certificate-suspension model.
 *
 * <p>
 * Gateways and events of the model, and the test that walks each outgoing path:
 * <ul>
 * <li>Gateway_Postponed: Flow_Postponed → Task_PlanCertificateAudit again
 * {@link #shouldPlanAgainByTheNewDueDateWhenASurveillanceIsPostponed}; Flow_Planned →
 * CallActivity_OnsiteAudit
 * {@link #shouldHandThePlanToTheOnsiteAuditAndItsResultToTheDecisionMakers};</li>
 * <li>Gateway_Decision: KEEP → EndEvent_AuditClosed
 * {@link #shouldCloseTheAuditWhenTheCertificateIsKept}; DOWNGRADE →
 * Task_DowngradeCertificate
 * {@link #shouldReissueTheCertificateOneGradeLowerWhenDowngraded}; APPROVE →
 * Task_ApplyApproval {@link #shouldApplyAnApprovedRecertificationOrChange}; REFUSE →
 * Task_NotifyRefusal → Task_MailRefusal
 * {@link #shouldNotifyARefusalInWritingAndMailItAsynchronously}; SUSPEND →
 * Task_SuspendCertificate → EndEvent_AuditClosed (the suspension runs in the lifecycle,
 * issue 21 point 5) {@link #shouldSendASuspensionToTheLifecycleAndCloseTheAuditAtOnce};
 * WITHDRAW → Task_WithdrawCertificate → EndEvent_CertificateWithdrawn
 * {@link #shouldWithdrawTheCertificateAndEndInTheErrorTheLifecycleCatches};</li>
 * <li>EndEvent_CertificateWithdrawn (error CertificateWithdrawn) caught by the caller:
 * {@link #shouldWithdrawTheCertificateAndEndInTheErrorTheLifecycleCatches} (a withdrawal
 * at the end of a suspension is the lifecycle's: CertificateLifecycleProcessTest);</li>
 * <li>Task_MailRefusal (asynchronous, failedJobRetryTimeCycle PT1M,PT5M,PT30M), clock
 * moved through each retry:
 * {@link #shouldRetryTheRefusalMailAfterOneFiveAndThirtyMinutesThenRaiseAnIncident};</li>
 * <li>Task_DecideCertificateAudit: impartialityListener on assignment and completion
 * (R-DEC-1)
 * {@link #shouldHandThePlanToTheOnsiteAuditAndItsResultToTheDecisionMakers};</li>
 * <li>every decision of {@link CertificateAudit.Kind#decisions()} has its path out of
 * Gateway_Decision:
 * {@link #shouldHaveAPathOutOfTheDecisionForEveryDecisionTheListenerAccepts};</li>
 * <li>the plan task is due at {@code ${auditDueDate}}
 * {@link #shouldDetermineTheAuditTimeThenAskTheLeadAuditorsToPlanByTheDueDate}; its
 * non-interrupting timer BoundaryEvent_PlanningOverdue at that date, then
 * Gateway_OverdueEscalatedHere: Flow_OverdueEscalatedHere → Task_HandleOverduePlanning
 * {@link #shouldAskManagersToActWhenASpecialAuditIsNotPlannedByItsDueDate};
 * Flow_OverdueLeftToCaller → EndEvent_OverdueLeftToCaller
 * {@link #shouldLeaveAnOverdueSurveillancePlanToTheLifecyclesEscalation}.</li>
 * </ul>
 */
@Deployment(resources = { "processes/certificate-audit.bpmn", "processes/certificate-suspension.bpmn" })
class CertificateAuditProcessTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/certificate-audit.bpmn");

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	private static final String NUMBER = "CF-PCEC-2026-0007";

	private static final String SCHEME = "PCEC";

	private static final String LEAD = "lead";

	private static final String DECIDER = "decider";

	/**
	 * The stand-in for the on-site audit: one task, completed with the audit's outputs.
	 */
	private static final String ONSITE_AUDIT_TASK = "Task_OnsiteAuditStandIn";

	/**
	 * A stand-in for the certificate lifecycle: calls the certificate audit, catches a
	 * withdrawal.
	 */
	private static final String LIFECYCLE = "lifecycle-stand-in";

	private static final String LIFECYCLE_CALLS_AUDIT = "CallActivity_CertificateAudit";

	private static final String LIFECYCLE_CATCHES_WITHDRAWAL = "BoundaryEvent_CertificateWithdrawn";

	private static final String LIFECYCLE_WITHDRAWN = "EndEvent_LifecycleWithdrawn";

	/**
	 * What the lifecycle hands in (the surveillance call activity of
	 * certificate-lifecycle.bpmn).
	 */
	private static final List<VariableFactory<?>> LIFECYCLE_INPUTS = List.of(CertificateAudit.CERTIFICATE_NUMBER,
			CertificateAudit.APPLICATION_NUMBER, CertificateAudit.SCHEME_ID, CertificateAudit.CLIENT_NAME,
			CertificateAudit.AUDIT_KIND, CertificateAudit.AUDIT_DUE_DATE, CertificateAudit.SURVEILLANCE_ID,
			CertificateAudit.LATEST_DATE);

	private final StandIns beans = new StandIns();

	private Date surveillanceDue;

	/** The date the plan stand-in postpones to. */
	private Date postponedTo;

	/**
	 * The step reasons the withdrawal delegate was given (its input parameter
	 * statusReason).
	 */
	private final List<String> withdrawalReasons = new ArrayList<>();

	/** The reasons the suspension stand-in sent to the lifecycle. */
	private final List<String> suspensionReasons = new ArrayList<>();

	/** How many times the mail stand-in still fails. */
	private int mailFailures;

	@BeforeEach
	void standIns() {
		this.surveillanceDue = this.clock.inDays(20);
		this.postponedTo = this.clock.inMonths(2);
		engine.deploy("onsite-audit-stand-in.bpmn",
				Bpmn.createExecutableProcess(OnsiteAudit.KEY)
					.camundaHistoryTimeToLive(1)
					.startEvent()
					.userTask(ONSITE_AUDIT_TASK)
					.endEvent()
					.done());
		this.beans
			.record("impartialityListener", "certificateAuditDecisionListener", "applyCertificateAuditApprovalDelegate",
					"notifyCertificateAuditRefusalDelegate", "downgradeCertificateDelegate",
					"suspensionLiftingListener", "liftSuspensionDelegate", "overduePlanningListener")
			.execution("determineCertificateAuditTimeDelegate", (execution) -> {
				CertificateAudit.PERSON_DAYS.on(execution).set(2);
				InitialCertification.SCORING_FORM.on(execution).set(new SchemeCatalog().get(SCHEME).scoringFormKey());
				CertificateAudit.CERTIFIED_STARS.on(execution).set(5);
				CertificateAudit.REQUESTED_STARS.on(execution).set(5);
				CertificateAudit.PLANNING_ESCALATED_HERE.on(execution)
					.set(CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(execution).get())
						.escalatesOverduePlanning());
			})
			.task("certificateAuditPlanListener", (task) -> {
				if (CertificateAuditPlanListener.POSTPONE.equals(CertificateAudit.PLAN_DECISION.from(task).get())) {
					CertificateAudit.AUDIT_DUE_DATE.on(task).set(this.postponedTo);
					return;
				}
				CertificateAudit.AUDIT_ID.on(task).set(77L);
				AuditVariables.LEAD_AUDITOR.on(task).set(LEAD);
				AuditVariables.AUDIT_TEAM_MEMBERS.on(task).set(LEAD + ",auditor");
			})
			.execution("recommendSanctionDelegate",
					(execution) -> CertificateAudit.RECOMMENDATION.on(execution).set(CertificateAudit.KEEP))
			.execution("withdrawCertificateDelegate",
					(execution) -> this.withdrawalReasons.add(CertificateLifecycle.STATUS_REASON.from(execution).get()))
			.execution("sendClientNoticeDelegate", (execution) -> {
				if (this.mailFailures > 0) {
					this.mailFailures--;
					throw new IllegalStateException("mail server does not answer");
				}
			})
			.execution("suspendAfterAuditDelegate",
					(execution) -> this.suspensionReasons.add(CertificateAudit.DECISION_REASONS.from(execution).get()))
			.execution("suspendCertificateDelegate",
					(execution) -> CertificateSuspension.SUSPENSION_END_DATE.on(execution).set(this.clock.inMonths(6)));
	}

	/** An annual surveillance, as the lifecycle starts it. */
	private VariableMap surveillance() {
		return CamundaBpmData.builder()
			.set(CertificateAudit.CERTIFICATE_NUMBER, NUMBER)
			.set(CertificateAudit.APPLICATION_NUMBER, "APP-2026-000042")
			.set(CertificateAudit.SCHEME_ID, SCHEME)
			.set(CertificateAudit.CLIENT_NAME, "某某服务有限公司")
			.set(CertificateAudit.AUDIT_KIND, CertificateAudit.Kind.SURVEILLANCE.name())
			.set(CertificateAudit.AUDIT_DUE_DATE, this.surveillanceDue)
			.set(CertificateAudit.SURVEILLANCE_ID, 5L)
			.set(CertificateAudit.LATEST_DATE, this.clock.inMonths(3))
			.build();
	}

	private ProcessInstance start() {
		return engine.getRuntimeService().startProcessInstanceByKey(CertificateAudit.KEY, NUMBER, surveillance());
	}

	/**
	 * The audit of {@code kind} started at the decision, after an on-site audit that
	 * reached {@code stars}.
	 */
	private ProcessInstance startAtTheDecision(CertificateAudit.Kind kind, int stars) {
		VariableMap variables = surveillance();
		variables.putAll(decisionInputs(kind, stars));
		return engine.getRuntimeService()
			.createProcessInstanceByKey(CertificateAudit.KEY)
			.businessKey(NUMBER)
			.setVariables(variables)
			.startBeforeActivity(DECIDE)
			.execute();
	}

	private static VariableMap decisionInputs(CertificateAudit.Kind kind, int stars) {
		return CamundaBpmData.builder()
			.set(CertificateAudit.AUDIT_KIND, kind.name())
			.set(CertificateAudit.AUDIT_ID, 77L)
			.set(CertificateAudit.CERTIFIED_STARS, 5)
			.set(CertificateAudit.REQUESTED_STARS, 5)
			.set(CertificateAudit.AUDIT_OUTCOME, OnsiteAudit.Outcome.RECOMMENDED.name())
			.set(CertificateAudit.STARS, stars)
			.build();
	}

	private static void plan(ProcessInstance instance) {
		complete(task(PLAN_AUDIT, instance), withVariables(CertificateAudit.PLAN_DECISION.getName(),
				CertificateAuditPlanListener.PLAN, AuditVariables.PLANNED_DATE.getName(), "2026-03-25"));
	}

	private static void decide(ProcessInstance instance, String decision, String reasons) {
		complete(task(DECIDE, instance), withVariables(CertificateAudit.DECISION.getName(), decision,
				CertificateAudit.DECISION_REASONS.getName(), reasons));
	}

	private static ProcessInstance calledBy(ProcessInstance caller) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(caller.getId())
			.singleResult();
	}

	private static Job onlyJob(ProcessInstance instance) {
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
	}

	private static List<Job> dueJobs(ProcessInstance instance) {
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().list();
	}

	/**
	 * A stand-in lifecycle that calls the certificate audit with its inputs and catches a
	 * withdrawal.
	 */
	private ProcessInstance startFromTheLifecycle() {
		CallActivityBuilder call = Bpmn.createExecutableProcess(LIFECYCLE)
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.callActivity(LIFECYCLE_CALLS_AUDIT)
			.calledElement(CertificateAudit.KEY)
			.camundaInBusinessKey("#{execution.processBusinessKey}");
		for (VariableFactory<?> input : LIFECYCLE_INPUTS) {
			call = call.camundaIn(input.getName(), input.getName());
		}
		engine.deploy("lifecycle-stand-in.bpmn",
				call.boundaryEvent(LIFECYCLE_CATCHES_WITHDRAWAL)
					.error(CertificateLifecycle.Errors.CERTIFICATE_WITHDRAWN)
					.endEvent(LIFECYCLE_WITHDRAWN)
					.moveToActivity(LIFECYCLE_CALLS_AUDIT)
					.endEvent()
					.done());
		return engine.getRuntimeService().startProcessInstanceByKey(LIFECYCLE, NUMBER, surveillance());
	}

	/**
	 * Moves a running certificate audit straight to the decision (the steps before have
	 * their own tests).
	 */
	private static void skipToTheDecision(ProcessInstance audit, int stars) {
		engine.getRuntimeService()
			.setVariables(audit.getId(), decisionInputs(CertificateAudit.Kind.SURVEILLANCE, stars));
		engine.getRuntimeService()
			.createProcessInstanceModification(audit.getId())
			.cancelAllForActivity(PLAN_AUDIT)
			.startBeforeActivity(DECIDE)
			.execute();
	}

	@Test
	void shouldDetermineTheAuditTimeThenAskTheLeadAuditorsToPlanByTheDueDate() {
		ProcessInstance instance = start();
		assertThat(instance).hasPassed(DETERMINE_AUDIT_TIME)
			.isWaitingAt(PLAN_AUDIT)
			.task()
			.hasCandidateGroup("lead-auditors")
			.hasDueDate(this.surveillanceDue);
		assertThat(instance).variables().containsEntry(CertificateAudit.PERSON_DAYS.getName(), 2);
	}

	@Test
	void shouldPlanAgainByTheNewDueDateWhenASurveillanceIsPostponed() {
		// R-SUR-1: an annual surveillance may be postponed (at most 3 months, checked by
		// the plan listener)
		ProcessInstance instance = start();
		complete(task(PLAN_AUDIT, instance),
				withVariables(CertificateAudit.PLAN_DECISION.getName(), CertificateAuditPlanListener.POSTPONE,
						CertificateAudit.POSTPONE_REASON.getName(), "客户停业装修", CertificateAudit.POSTPONED_TO.getName(),
						"2026-05-10"));
		assertThat(instance).isWaitingAt(PLAN_AUDIT).hasNotPassed(ONSITE_AUDIT).task().hasDueDate(this.postponedTo);
		assertThat(engine.getHistoryService()
			.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(PLAN_AUDIT)
			.count()).isEqualTo(2);
	}

	@Test
	void shouldHandThePlanToTheOnsiteAuditAndItsResultToTheDecisionMakers() {
		ProcessInstance instance = start();
		plan(instance);
		assertThat(instance).isWaitingAt(ONSITE_AUDIT);
		ProcessInstance onsite = calledBy(instance);
		assertThat(onsite.getBusinessKey()).isEqualTo(NUMBER);
		assertThat(onsite).variables()
			.containsEntry(OnsiteAudit.AUDIT_ID.getName(), 77L)
			.containsEntry(OnsiteAudit.LEAD_AUDITOR.getName(), LEAD)
			.containsEntry(OnsiteAudit.SCHEME_ID.getName(), SCHEME)
			.containsEntry(AuditVariables.AUDIT_TEAM_MEMBERS.getName(), LEAD + ",auditor")
			.containsEntry(InitialCertification.SCORING_FORM.getName(),
					new SchemeCatalog().get(SCHEME).scoringFormKey());
		complete(task(ONSITE_AUDIT_TASK, onsite),
				withVariables(OnsiteAudit.AUDIT_OUTCOME.getName(), OnsiteAudit.Outcome.RECOMMENDED.name(),
						OnsiteAudit.STARS.getName(), 4, OnsiteAudit.GRADE.getName(), "四星级"));
		assertThat(instance).hasPassed(ONSITE_AUDIT, RECOMMEND_SANCTION).isWaitingAt(DECIDE);
		assertThat(instance).variables()
			.containsEntry(CertificateAudit.AUDIT_OUTCOME.getName(), OnsiteAudit.Outcome.RECOMMENDED.name())
			.containsEntry(CertificateAudit.STARS.getName(), 4)
			.containsEntry(CertificateAudit.RECOMMENDATION.getName(), CertificateAudit.KEEP);
		assertThat(task(DECIDE, instance)).hasCandidateGroup("decision-makers");
		this.beans.clear();
		engine.getTaskService().claim(task(DECIDE, instance).getId(), DECIDER);
		decide(instance, CertificateAudit.KEEP, null);
		assertThat(this.beans.calls()).as("R-DEC-1 checked when the task is claimed and when it is completed")
			.containsExactly("impartialityListener:assignment", "impartialityListener:complete",
					"certificateAuditDecisionListener:complete");
	}

	@Test
	void shouldCloseTheAuditWhenTheCertificateIsKept() {
		ProcessInstance instance = startAtTheDecision(CertificateAudit.Kind.SURVEILLANCE, 5);
		decide(instance, CertificateAudit.KEEP, null);
		assertThat(instance).isEnded().hasPassed(AUDIT_CLOSED).hasNotPassed(DOWNGRADE, SUSPEND, WITHDRAW);
		assertThat(this.beans.calls()).containsExactly("impartialityListener:complete",
				"certificateAuditDecisionListener:complete");
	}

	@Test
	void shouldReissueTheCertificateOneGradeLowerWhenDowngraded() {
		// R-SUR-3, R-CHG-1 (4)
		ProcessInstance instance = startAtTheDecision(CertificateAudit.Kind.SURVEILLANCE, 4);
		decide(instance, CertificateAudit.DOWNGRADE, "监督审查评为四星级");
		assertThat(instance).isEnded().hasPassed(DOWNGRADE, AUDIT_CLOSED).hasNotPassed(SUSPEND, WITHDRAW);
		assertThat(this.beans.calls()).endsWith("downgradeCertificateDelegate");
	}

	@Test
	void shouldApplyAnApprovedRecertificationOrChange() {
		// R-REC-1, R-CHG-1, R-EXT-1, R-UPG-1
		ProcessInstance instance = startAtTheDecision(CertificateAudit.Kind.RECERTIFICATION, 5);
		decide(instance, CertificateAudit.APPROVE, null);
		assertThat(instance).isEnded().hasPassed(APPLY_APPROVAL, AUDIT_CLOSED).hasNotPassed(NOTIFY_REFUSAL);
		assertThat(this.beans.calls()).endsWith("applyCertificateAuditApprovalDelegate");
	}

	@Test
	void shouldNotifyARefusalInWritingAndMailItAsynchronously() {
		ProcessInstance instance = startAtTheDecision(CertificateAudit.Kind.RECERTIFICATION, 2);
		decide(instance, CertificateAudit.REFUSE, "再认证审查未达到任何星级");
		assertThat(instance).hasPassed(NOTIFY_REFUSAL).isWaitingAt(MAIL_REFUSAL).hasNotPassed(APPLY_APPROVAL);
		assertThat(this.beans.calls()).as("the refusal is recorded with the decision, the mail in its own transaction")
			.endsWith("notifyCertificateAuditRefusalDelegate")
			.doesNotContain("sendClientNoticeDelegate");
		engine.getManagementService().executeJob(onlyJob(instance).getId());
		assertThat(instance).isEnded().hasPassed(MAIL_REFUSAL, AUDIT_CLOSED);
		assertThat(this.beans.calls()).endsWith("sendClientNoticeDelegate");
	}

	@Test
	void shouldRetryTheRefusalMailAfterOneFiveAndThirtyMinutesThenRaiseAnIncident() {
		ProcessInstance instance = startAtTheDecision(CertificateAudit.Kind.RECERTIFICATION, 2);
		decide(instance, CertificateAudit.REFUSE, "再认证审查未达到任何星级");
		this.mailFailures = 4;
		for (Duration wait : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))) {
			Date failedAt = this.clock.now();
			assertThatThrownBy(() -> engine.getManagementService().executeJob(onlyJob(instance).getId()))
				.hasMessageContaining("mail server does not answer");
			Job retry = onlyJob(instance);
			assertThat(retry.getDuedate()).isEqualTo(Date.from(failedAt.toInstant().plus(wait)));
			this.clock.moveJustBefore(retry.getDuedate());
			assertThat(dueJobs(instance)).isEmpty();
			this.clock.movePast(retry.getDuedate());
			assertThat(dueJobs(instance)).hasSize(1);
		}
		assertThatThrownBy(() -> engine.getManagementService().executeJob(onlyJob(instance).getId()))
			.hasMessageContaining("mail server does not answer");
		assertThat(onlyJob(instance).getRetries()).isZero();
		assertThat(instance).isWaitingAt(MAIL_REFUSAL);
		assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
			.as("Cockpit shows an incident once the retries are used up")
			.isEqualTo(1);
	}

	@Test
	void shouldSendASuspensionToTheLifecycleAndCloseTheAuditAtOnce() {
		// R-SUR-3, PCEC 12.3, issue 21 point 5: the suspension runs in the lifecycle; the
		// audit (an annual surveillance) is done when the decider suspends, not when the
		// suspension ends (today it waited up to 6 months inside the surveillance)
		ProcessInstance instance = startAtTheDecision(CertificateAudit.Kind.SURVEILLANCE, 0);
		decide(instance, CertificateAudit.SUSPEND, "监督审查发现重大不符合");
		assertThat(this.suspensionReasons).containsExactly("监督审查发现重大不符合");
		assertThat(instance).isEnded().hasPassed(SUSPEND, AUDIT_CLOSED).hasNotPassed(WITHDRAW, CERTIFICATE_WITHDRAWN);
		assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(NUMBER).count())
			.as("no suspension called from inside the audit")
			.isZero();
	}

	@Test
	void shouldWithdrawTheCertificateAndEndInTheErrorTheLifecycleCatches() {
		// R-SUR-3, R-SUS-1: the withdrawal ends the certificate's cycle, not just this
		// audit
		ProcessInstance lifecycle = startFromTheLifecycle();
		ProcessInstance audit = calledBy(lifecycle);
		assertThat(audit).isWaitingAt(PLAN_AUDIT);
		skipToTheDecision(audit, 0);
		decide(audit, CertificateAudit.WITHDRAW, "伪造服务记录");
		assertThat(this.withdrawalReasons).containsExactly("伪造服务记录");
		assertThat(audit).isEnded().hasPassed(WITHDRAW, CERTIFICATE_WITHDRAWN).hasNotPassed(AUDIT_CLOSED);
		assertThat(lifecycle).isEnded().hasPassed(LIFECYCLE_CATCHES_WITHDRAWAL, LIFECYCLE_WITHDRAWN);
	}

	@Test
	void shouldHaveAPathOutOfTheDecisionForEveryDecisionTheListenerAccepts() {
		// every decision of every kind of audit leaves Gateway_Decision by a path of its
		// own; none is left over
		String definitionId = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(CertificateAudit.KEY)
			.singleResult()
			.getId();
		ExclusiveGateway gateway = engine.getRepositoryService()
			.getBpmnModelInstance(definitionId)
			.getModelElementById(DECISION_GATEWAY);
		List<String> conditions = gateway.getOutgoing()
			.stream()
			.map((flow) -> flow.getConditionExpression().getTextContent())
			.toList();
		Set<String> decisions = Arrays.stream(CertificateAudit.Kind.values())
			.flatMap((kind) -> kind.decisions().stream())
			.collect(Collectors.toSet());
		assertThat(conditions).hasSameSizeAs(decisions);
		for (String decision : decisions) {
			String condition = CertificateAudit.DECISION.getName() + " == '" + decision + "'";
			assertThat(conditions).as(decision).filteredOn((text) -> text.contains(condition)).hasSize(1);
		}
	}

	@Test
	void shouldAskManagersToActWhenASpecialAuditIsNotPlannedByItsDueDate() {
		// PCEC 10.2 (found by the year simulation of issue 22): a special audit has no
		// escalation in the lifecycle; when its plan passes the due date the managers are
		// asked to act once, and the plan stays with the lead auditors
		VariableMap special = surveillance();
		special.putValue(CertificateAudit.AUDIT_KIND.getName(), CertificateAudit.Kind.SPECIAL.name());
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(CertificateAudit.KEY, NUMBER, special);
		Job timer = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(PLANNING_OVERDUE)
			.singleResult();
		assertThat(timer.getDuedate()).isEqualTo(this.surveillanceDue);
		this.clock.moveJustBefore(timer.getDuedate());
		assertThat(dueJobs(instance)).as("not due before the date").isEmpty();
		this.clock.movePast(timer.getDuedate());
		engine.getManagementService().executeJob(dueJobs(instance).get(0).getId());
		assertThat(instance).isWaitingAt(PLAN_AUDIT, HANDLE_OVERDUE_PLANNING);
		assertThat(task(HANDLE_OVERDUE_PLANNING, instance)).hasCandidateGroup("managers").hasName("处理逾期的审查策划");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
			.as("the timer fires once")
			.isZero();
		complete(task(HANDLE_OVERDUE_PLANNING, instance),
				withVariables(CertificateAudit.OVERDUE_PLANNING_NOTES.getName(), "已督促审查组长本周内完成策划"));
		assertThat(instance).hasPassed(OVERDUE_PLANNING_HANDLED).isWaitingAt(PLAN_AUDIT);
		plan(instance);
		assertThat(instance).isWaitingAt(ONSITE_AUDIT);
		assertThat(this.beans.calls()).containsExactly("determineCertificateAuditTimeDelegate",
				"overduePlanningListener:create", "overduePlanningListener:complete",
				"certificateAuditPlanListener:complete");
	}

	@Test
	void shouldLeaveAnOverdueSurveillancePlanToTheLifecyclesEscalation() {
		// R-SUR-1: an annual surveillance not done by its due date is escalated by the
		// lifecycle (监督到期未完成, CertificateLifecycleProcessTest): no second task here
		ProcessInstance instance = start();
		this.clock.movePast(this.surveillanceDue);
		engine.getManagementService().executeJob(dueJobs(instance).get(0).getId());
		assertThat(instance).hasPassed(OVERDUE_LEFT_TO_CALLER).isWaitingAt(PLAN_AUDIT);
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
		assertThat(this.beans.calls()).doesNotContain("overduePlanningListener:create");
	}

}
