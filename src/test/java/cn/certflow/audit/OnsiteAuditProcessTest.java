package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.Elements.APPROVE_TERMINATION;
import static cn.certflow.audit.OnsiteAudit.Elements.AUDIT_NOT_RECOMMENDED;
import static cn.certflow.audit.OnsiteAudit.Elements.AUDIT_RECOMMENDED;
import static cn.certflow.audit.OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT;
import static cn.certflow.audit.OnsiteAudit.Elements.AUDIT_TERMINATED;
import static cn.certflow.audit.OnsiteAudit.Elements.CLOSING_MEETING;
import static cn.certflow.audit.OnsiteAudit.Elements.CORRECTIVE_ACTIONS_OVERDUE;
import static cn.certflow.audit.OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS;
import static cn.certflow.audit.OnsiteAudit.Elements.HANDLE_OVERDUE_CORRECTIVE_ACTIONS;
import static cn.certflow.audit.OnsiteAudit.Elements.OPENING_MEETING;
import static cn.certflow.audit.OnsiteAudit.Elements.OVERDUE_CORRECTIVE_ACTIONS_HANDLED;
import static cn.certflow.audit.OnsiteAudit.Elements.RECORD_TERMINATION;
import static cn.certflow.audit.OnsiteAudit.Elements.SCORE_AUDIT;
import static cn.certflow.audit.OnsiteAudit.Elements.SUBMIT_CORRECTIVE_ACTIONS;
import static cn.certflow.audit.OnsiteAudit.Elements.HANDLE_OVERDUE_VERIFICATION;
import static cn.certflow.audit.OnsiteAudit.Elements.OVERDUE_VERIFICATION_HANDLED;
import static cn.certflow.audit.OnsiteAudit.Elements.VERIFICATION_OVERDUE;
import static cn.certflow.audit.OnsiteAudit.Elements.VERIFY_CORRECTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.Map;

import cn.certflow.application.InitialCertification;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.support.EngineClock;
import cn.certflow.support.GatewayPaths;
import cn.certflow.support.ProcessTestEngine;
import cn.certflow.support.StandIns;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R-AUD-1/2/3 (PCEC 8.2): the flow of processes/onsite-audit.bpmn with the engine alone,
 * listeners and delegates stood in for (what they check and record is tested with
 * AuditService in InitialCertificationProcessTest).
 *
 * <p>
 * Gateways and events of the model, and the test that walks each outgoing path:
 * <ul>
 * <li>Gateway_SplitEvaluation (parallel) → Task_EvaluateServiceCharacteristics and
 * Task_AuditServiceManagement:
 * {@link #shouldHoldTheOpeningMeetingThenEvaluateCharacteristicsAndManagementInParallel};</li>
 * <li>Gateway_JoinEvaluation (parallel) waits for both:
 * {@link #shouldScoreOnlyWhenBothEvaluationsAreDone};</li>
 * <li>Gateway_TerminationProposed: Flow_NoTermination → Task_ScoreAudit
 * {@link #shouldScoreOnlyWhenBothEvaluationsAreDone}; Flow_TerminationProposed →
 * Task_ApproveTermination
 * {@link #shouldAskTheQualityManagersWhenAnEvaluationProposesTermination};</li>
 * <li>Gateway_TerminationApproved: Flow_TerminationApproved → Task_RecordTermination →
 * EndEvent_AuditTerminated
 * {@link #shouldEndTerminatedWhenTheQualityManagersApproveTheTermination};
 * Flow_TerminationDeclined → Task_ScoreAudit
 * {@link #shouldGoOnToScoringWhenTheQualityManagersDeclineTheTermination};</li>
 * <li>Gateway_NonconformitiesRaised: Flow_NoNonconformities → EndEvent_AuditRecommended
 * {@link #shouldRecommendWhenTheClosingMeetingRaisesNoNonconformity};
 * Flow_NonconformitiesRaised → Task_SubmitCorrectiveActions (the client's task in the
 * portal, issue 18.3) → Task_VerifyCorrections
 * {@link #shouldGiveThirtyDaysToCorrectWhenTheClosingMeetingRaisesNonconformities};</li>
 * <li>BoundaryEvent_CorrectiveActionsOverdue (non-interrupting timer at the correction
 * deadline on the client's task) → Task_HandleOverdueCorrectiveActions →
 * EndEvent_OverdueCorrectiveActionsHandled, the client's task still open:
 * {@link #shouldEscalateToTheLeadAuditorAndReviewersWhenTheClientLetsTheDeadlinePass};</li>
 * <li>Gateway_CorrectionsVerified: Flow_CorrectionsClosed → EndEvent_AuditRecommended
 * {@link #shouldRecommendWhenTheCorrectionsAreVerifiedClosed}; Flow_NotRecommended →
 * EndEvent_AuditNotRecommended {@link #shouldNotRecommendWhenTheCorrectionsFail};
 * Flow_RepeatAudit → Task_OpeningMeeting
 * {@link #shouldRepeatTheOnsiteAuditWhenTheVerificationCallsForIt};</li>
 * <li>the three end events hand their outcome back through auditOutcomeListener
 * (OUTCOME_BY_END_EVENT): each test that ends, and
 * {@link #shouldWalkAWholeAuditFromOpeningToRecommendation};</li>
 * <li>no message or error event; Task_SubmitCorrectiveActions and Task_VerifyCorrections
 * have a due date (30 days, R-AUD-3), checked in
 * {@link #shouldGiveThirtyDaysToCorrectWhenTheClosingMeetingRaisesNonconformities}.</li>
 * </ul>
 */
@Deployment(resources = "processes/onsite-audit.bpmn")
class OnsiteAuditProcessTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/onsite-audit.bpmn");

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	private static final String SCHEME = "CQM";

	private static final String LEAD = "lead";

	private static final String AUDITOR = "auditor";

	private final StandIns beans = new StandIns();

	/**
	 * Set by the closing meeting stand-in: 30 days from the closing meeting (R-AUD-3).
	 */
	private Date correctionDue;

	@BeforeEach
	void standIns() {
		this.beans
			.record("auditScoringListener", "correctionVerificationListener", "terminationApprovalListener",
					"recordTerminationDelegate", "auditClientListener", "correctiveActionsListener",
					"overdueCorrectiveActionsListener", "correctionDeadlinePassedListener",
					"overdueVerificationListener")
			// CQM's survey and management-audit results: InitialCertificationProcessTest
			.silent("customerSurveyListener", "managementAuditResultListener", "scoringPreviewListener")
			// the opening meeting starts every (repeat) audit with no termination
			// proposed
			.task("openingMeetingListener", (task) -> OnsiteAudit.TERMINATION_PROPOSED.on(task).set(false))
			// by default the evaluations propose no termination (see the termination
			// tests)
			.task("auditFindingsListener", (task) -> {
			})
			// each nonconformity raised gets a 30-day correction deadline
			.task("closingMeetingListener", (task) -> {
				String raised = OnsiteAudit.NONCONFORMITIES.from(task).getOrDefault("");
				long open = raised.lines().filter((line) -> !line.isBlank()).count();
				if (open > 0) {
					this.correctionDue = this.clock.inDays(30);
					OnsiteAudit.CORRECTION_DUE_DATE.on(task).set(this.correctionDue);
				}
				OnsiteAudit.OPEN_NONCONFORMITIES.on(task).set(open);
			})
			// the outcome handed back to the caller, from the end event reached
			.execution("auditOutcomeListener", (execution) -> OnsiteAudit.AUDIT_OUTCOME.on(execution)
				.set(OnsiteAudit.OUTCOME_BY_END_EVENT.get(execution.getCurrentActivityId()).name()));
	}

	/** What the caller (initial certification, certificate audit) hands in. */
	private static VariableMap audit() {
		return CamundaBpmData.builder()
			.set(OnsiteAudit.APPLICATION_NUMBER, "APP-2026-000042")
			.set(OnsiteAudit.AUDIT_ID, 42L)
			.set(OnsiteAudit.SCHEME_ID, SCHEME)
			.set(OnsiteAudit.LEAD_AUDITOR, LEAD)
			.set(AuditVariables.AUDIT_TEAM_MEMBERS, LEAD + "," + AUDITOR)
			.set(InitialCertification.SCORING_FORM, new SchemeCatalog().get(SCHEME).scoringFormKey())
			.build();
	}

	private static ProcessInstance start() {
		return engine.getRuntimeService().startProcessInstanceByKey(OnsiteAudit.KEY, "APP-2026-000042", audit());
	}

	/** The audit started just before some of its steps, to test a section alone. */
	private static ProcessInstance startBefore(VariableMap extra, String... activityIds) {
		VariableMap variables = audit();
		variables.putAll(extra);
		ProcessInstantiationBuilder builder = engine.getRuntimeService()
			.createProcessInstanceByKey(OnsiteAudit.KEY)
			.businessKey("APP-2026-000042")
			.setVariables(variables);
		for (String activityId : activityIds) {
			builder.startBeforeActivity(activityId);
		}
		return builder.execute();
	}

	private static void holdOpeningMeeting(ProcessInstance instance) {
		complete(task(OPENING_MEETING, instance), withVariables(OnsiteAudit.PLAN_CONFIRMED.getName(), true,
				OnsiteAudit.ATTENDANCE.getName(), "总经理、服务部经理"));
	}

	private static void evaluate(ProcessInstance instance, String evaluation, Map<String, Object> form) {
		complete(task(evaluation, instance), form);
	}

	private static Map<String, Object> findings(String text) {
		return withVariables(OnsiteAudit.FINDINGS.getName(), text);
	}

	private static Map<String, Object> proposingTermination() {
		return withVariables(OnsiteAudit.FINDINGS.getName(), "客户拒绝提供服务记录", OnsiteAudit.PROPOSE_TERMINATION.getName(),
				true, OnsiteAudit.TERMINATION_CLAUSE.getName(), "(3)", OnsiteAudit.TERMINATION_REASON.getName(),
				"受审核方不配合");
	}

	private static void closingMeeting(ProcessInstance instance, String nonconformities) {
		complete(task(CLOSING_MEETING, instance), withVariables(OnsiteAudit.CLIENT_CONFIRMED_RECORDS.getName(), true,
				OnsiteAudit.NONCONFORMITIES.getName(), nonconformities));
	}

	private static void verifyCorrections(ProcessInstance instance, String outcome) {
		complete(task(VERIFY_CORRECTIONS, instance), withVariables(OnsiteAudit.VERIFICATION_OUTCOME.getName(), outcome,
				OnsiteAudit.CLIENT_SIGNED_RESULT.getName(), true, OnsiteAudit.VERIFICATION_NOTES.getName(), "现场验证"));
	}

	/** The client answers in the portal (issue 18.3): the task takes no variables. */
	private static void submitCorrectiveActions(ProcessInstance instance) {
		complete(task(SUBMIT_CORRECTIVE_ACTIONS, instance));
	}

	private static Object auditOutcome(ProcessInstance instance) {
		HistoricVariableInstance outcome = engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(OnsiteAudit.AUDIT_OUTCOME.getName())
			.singleResult();
		return (outcome != null) ? outcome.getValue() : null;
	}

	@Test
	void shouldHoldTheOpeningMeetingThenEvaluateCharacteristicsAndManagementInParallel() {
		// R-AUD-1: opening meeting by the lead auditor, then both evaluations at once,
		// open to the whole team
		ProcessInstance instance = start();
		assertThat(instance).isWaitingAt(OPENING_MEETING).task().isAssignedTo(LEAD);
		holdOpeningMeeting(instance);
		assertThat(instance).isWaitingAt(EVALUATE_SERVICE_CHARACTERISTICS, AUDIT_SERVICE_MANAGEMENT);
		assertThat(task(EVALUATE_SERVICE_CHARACTERISTICS, instance)).hasCandidateUser(LEAD).hasCandidateUser(AUDITOR);
		assertThat(task(AUDIT_SERVICE_MANAGEMENT, instance)).hasCandidateUser(LEAD).hasCandidateUser(AUDITOR);
		assertThat(this.beans.calls()).containsExactly("openingMeetingListener:complete");
	}

	@Test
	void shouldScoreOnlyWhenBothEvaluationsAreDone() {
		ProcessInstance instance = startBefore(
				CamundaBpmData.builder().set(OnsiteAudit.TERMINATION_PROPOSED, false).build(),
				EVALUATE_SERVICE_CHARACTERISTICS, AUDIT_SERVICE_MANAGEMENT);
		evaluate(instance, EVALUATE_SERVICE_CHARACTERISTICS, findings("服务承诺已公示"));
		assertThat(instance).isWaitingAt(AUDIT_SERVICE_MANAGEMENT).isNotWaitingAt(SCORE_AUDIT);
		evaluate(instance, AUDIT_SERVICE_MANAGEMENT, findings("服务管理制度齐全"));
		assertThat(instance).isWaitingAt(SCORE_AUDIT).hasNotPassed(APPROVE_TERMINATION);
		Task scoring = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(instance.getId())
			.initializeFormKeys()
			.singleResult();
		assertThat(scoring.getAssignee()).isEqualTo(LEAD);
		assertThat(scoring.getCamundaFormRef().getKey()).as("the scheme's scoring sheet (formRef ${scoringForm})")
			.isEqualTo(new SchemeCatalog().get(SCHEME).scoringFormKey());
	}

	@Test
	void shouldAskTheQualityManagersWhenAnEvaluationProposesTermination() {
		// R-AUD-2: a termination proposed by an auditor needs the CB's approval before
		// anything else happens
		this.beans.task("auditFindingsListener", (task) -> {
			if (Boolean.TRUE.equals(OnsiteAudit.PROPOSE_TERMINATION.from(task).getOrNull())) {
				OnsiteAudit.TERMINATION_PROPOSED.on(task.getExecution().getProcessInstance()).set(true);
			}
		});
		ProcessInstance instance = start();
		holdOpeningMeeting(instance);
		evaluate(instance, EVALUATE_SERVICE_CHARACTERISTICS, proposingTermination());
		evaluate(instance, AUDIT_SERVICE_MANAGEMENT, findings("服务管理制度齐全"));
		assertThat(instance).isWaitingAt(APPROVE_TERMINATION).hasNotPassed(SCORE_AUDIT);
		assertThat(task(APPROVE_TERMINATION, instance)).hasCandidateGroup("quality-managers").isNotAssigned();
		assertThat(this.beans.calls()).containsExactly("openingMeetingListener:complete",
				"auditFindingsListener:complete", "auditFindingsListener:complete");
	}

	@Test
	void shouldEndTerminatedWhenTheQualityManagersApproveTheTermination() {
		ProcessInstance instance = startBefore(terminationProposed(), APPROVE_TERMINATION);
		complete(task(APPROVE_TERMINATION, instance), withVariables(OnsiteAudit.TERMINATION_APPROVED.getName(), true));
		assertThat(instance).isEnded().hasPassed(RECORD_TERMINATION, AUDIT_TERMINATED).hasNotPassed(SCORE_AUDIT);
		assertThat(this.beans.calls()).containsExactly("terminationApprovalListener:complete",
				"recordTerminationDelegate", "auditOutcomeListener:start");
		assertThat(auditOutcome(instance)).isEqualTo(OnsiteAudit.Outcome.TERMINATED.name());
	}

	@Test
	void shouldGoOnToScoringWhenTheQualityManagersDeclineTheTermination() {
		ProcessInstance instance = startBefore(terminationProposed(), APPROVE_TERMINATION);
		complete(task(APPROVE_TERMINATION, instance), withVariables(OnsiteAudit.TERMINATION_APPROVED.getName(), false,
				OnsiteAudit.TERMINATION_REVIEW_NOTES.getName(), "证据不足，继续审查"));
		assertThat(instance).isWaitingAt(SCORE_AUDIT).hasNotPassed(RECORD_TERMINATION, AUDIT_TERMINATED);
	}

	@Test
	void shouldRecommendWhenTheClosingMeetingRaisesNoNonconformity() {
		ProcessInstance instance = startBefore(CamundaBpmData.builder().build(), CLOSING_MEETING);
		assertThat(instance).isWaitingAt(CLOSING_MEETING).task().isAssignedTo(LEAD);
		closingMeeting(instance, "");
		assertThat(instance).isEnded().hasPassed(AUDIT_RECOMMENDED).hasNotPassed(VERIFY_CORRECTIONS);
		assertThat(auditOutcome(instance)).isEqualTo(OnsiteAudit.Outcome.RECOMMENDED.name());
	}

	@Test
	void shouldGiveThirtyDaysToCorrectWhenTheClosingMeetingRaisesNonconformities() {
		// R-AUD-3: the lead auditor verifies the corrections, due 30 days after the
		// closing meeting
		ProcessInstance instance = startBefore(CamundaBpmData.builder().build(), CLOSING_MEETING);
		closingMeeting(instance, "投诉处理记录不完整\n服务人员培训记录缺失");
		// issue 18.3: first the client answers, in the portal, by the same deadline
		assertThat(instance).isWaitingAt(SUBMIT_CORRECTIVE_ACTIONS).hasNotPassed(AUDIT_RECOMMENDED);
		assertThat(task(SUBMIT_CORRECTIVE_ACTIONS, instance)).hasCandidateGroup("clients")
			.isNotAssigned()
			.hasDueDate(this.correctionDue);
		submitCorrectiveActions(instance);
		assertThat(instance).isWaitingAt(VERIFY_CORRECTIONS).hasNotPassed(AUDIT_RECOMMENDED);
		assertThat(this.beans.calls()).containsExactly("closingMeetingListener:complete", "auditClientListener:create",
				"correctiveActionsListener:complete");
		assertThat(task(VERIFY_CORRECTIONS, instance)).isAssignedTo(LEAD)
			.hasDueDate(this.correctionDue)
			.hasDueDate(this.clock.inDays(30));
		assertThat(OnsiteAudit.OPEN_NONCONFORMITIES.from(engine.getRuntimeService(), instance.getId()).get().intValue())
			.isEqualTo(2);
	}

	@Test
	void shouldRecommendWhenTheCorrectionsAreVerifiedClosed() {
		ProcessInstance instance = startBefore(correctionsOpen(), VERIFY_CORRECTIONS);
		verifyCorrections(instance, CorrectionVerificationListener.CLOSED);
		assertThat(instance).isEnded()
			.hasPassed(AUDIT_RECOMMENDED)
			.hasNotPassed(AUDIT_NOT_RECOMMENDED, OPENING_MEETING);
		assertThat(this.beans.calls()).containsExactly("correctionVerificationListener:complete",
				"auditOutcomeListener:start");
		assertThat(auditOutcome(instance)).isEqualTo(OnsiteAudit.Outcome.RECOMMENDED.name());
	}

	@Test
	void shouldNotRecommendWhenTheCorrectionsFail() {
		// PCEC 8.2.4: a written "do not recommend" result that the client signs
		ProcessInstance instance = startBefore(correctionsOpen(), VERIFY_CORRECTIONS);
		verifyCorrections(instance, CorrectionVerificationListener.NOT_RECOMMENDED);
		assertThat(instance).isEnded()
			.hasPassed(AUDIT_NOT_RECOMMENDED)
			.hasNotPassed(AUDIT_RECOMMENDED, OPENING_MEETING);
		assertThat(auditOutcome(instance)).isEqualTo(OnsiteAudit.Outcome.NOT_RECOMMENDED.name());
	}

	@Test
	void shouldRepeatTheOnsiteAuditWhenTheVerificationCallsForIt() {
		ProcessInstance instance = startBefore(correctionsOpen(), VERIFY_CORRECTIONS);
		verifyCorrections(instance, CorrectionVerificationListener.REPEAT_AUDIT);
		assertThat(instance).isWaitingAt(OPENING_MEETING).hasNotPassed(AUDIT_RECOMMENDED, AUDIT_NOT_RECOMMENDED);
		holdOpeningMeeting(instance);
		assertThat(instance).isWaitingAt(EVALUATE_SERVICE_CHARACTERISTICS, AUDIT_SERVICE_MANAGEMENT);
		assertThat(auditOutcome(instance)).as("no outcome before the repeat audit ends").isNull();
	}

	@Test
	void shouldWalkAWholeAuditFromOpeningToRecommendation() {
		ProcessInstance instance = start();
		holdOpeningMeeting(instance);
		evaluate(instance, AUDIT_SERVICE_MANAGEMENT, findings("服务管理制度齐全"));
		evaluate(instance, EVALUATE_SERVICE_CHARACTERISTICS, findings("服务承诺已公示"));
		complete(task(SCORE_AUDIT, instance));
		closingMeeting(instance, "");
		assertThat(instance).isEnded()
			.hasPassedInOrder(OPENING_MEETING, SCORE_AUDIT, CLOSING_MEETING, AUDIT_RECOMMENDED)
			.hasNotPassed(APPROVE_TERMINATION, VERIFY_CORRECTIONS);
		assertThat(this.beans.calls()).containsExactly("openingMeetingListener:complete",
				"auditFindingsListener:complete", "auditFindingsListener:complete", "auditScoringListener:complete",
				"closingMeetingListener:complete", "auditOutcomeListener:start");
		assertThat(auditOutcome(instance)).isEqualTo(OnsiteAudit.Outcome.RECOMMENDED.name());
	}

	@Test
	void shouldEscalateToTheLeadAuditorAndReviewersWhenTheClientLetsTheDeadlinePass() {
		// issue 18.3, R-AUD-3: the correction deadline passes without the client's
		// answer:
		// the lead auditor or a reviewer is asked to act; the client may still answer
		ProcessInstance instance = startBefore(correctionsOpen(), SUBMIT_CORRECTIVE_ACTIONS);
		Job timer = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(CORRECTIVE_ACTIONS_OVERDUE)
			.singleResult();
		assertThat(timer.getDuedate()).isEqualTo(this.clock.inDays(30));
		this.clock.movePast(timer.getDuedate());
		engine.getManagementService().executeJob(timer.getId());
		assertThat(instance).isWaitingAt(SUBMIT_CORRECTIVE_ACTIONS, HANDLE_OVERDUE_CORRECTIVE_ACTIONS);
		assertThat(task(HANDLE_OVERDUE_CORRECTIVE_ACTIONS, instance)).hasCandidateUser(LEAD)
			.hasCandidateGroup("cb-reviewers")
			.hasName("客户逾期未提交整改");
		complete(task(HANDLE_OVERDUE_CORRECTIVE_ACTIONS, instance),
				withVariables(OnsiteAudit.OVERDUE_CORRECTIVE_ACTIONS_NOTES.getName(), "已电话督促客户"));
		assertThat(instance).hasPassed(OVERDUE_CORRECTIVE_ACTIONS_HANDLED)
			.isWaitingAt(SUBMIT_CORRECTIVE_ACTIONS)
			.hasNotPassed(VERIFY_CORRECTIONS);
		assertThat(this.beans.calls()).containsExactly("auditClientListener:create",
				"correctionDeadlinePassedListener:create", "overdueCorrectiveActionsListener:complete");
		// the late answer still goes to the verification
		submitCorrectiveActions(instance);
		assertThat(instance).isWaitingAt(VERIFY_CORRECTIONS);
	}

	@Test
	void shouldAskTheReviewersToActWhenTheLeadAuditorsVerificationPassesTheDeadline() {
		// R-AUD-3, PCEC 8.2.4 (found by the year simulation of issue 22): the client
		// answered, the lead auditor has not verified by the correction deadline; the
		// reviewers are asked to act once, the verification stays with the lead
		ProcessInstance instance = startBefore(correctionsOpen(), VERIFY_CORRECTIONS);
		assertThat(task(VERIFY_CORRECTIONS, instance).getDueDate()).isEqualTo(this.clock.inDays(30));
		Job timer = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(VERIFICATION_OVERDUE)
			.singleResult();
		assertThat(timer.getDuedate()).isEqualTo(this.clock.inDays(30));
		this.clock.moveJustBefore(timer.getDuedate());
		assertThat(engine.getManagementService().createJobQuery().executable().count()).as("not due before the date")
			.isZero();
		this.clock.movePast(timer.getDuedate());
		assertThat(engine.getManagementService().createJobQuery().executable().count()).isEqualTo(1);
		engine.getManagementService().executeJob(timer.getId());
		assertThat(instance).isWaitingAt(VERIFY_CORRECTIONS, HANDLE_OVERDUE_VERIFICATION);
		assertThat(task(HANDLE_OVERDUE_VERIFICATION, instance)).hasCandidateGroup("cb-reviewers").hasName("整改验证逾期");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
			.as("the timer fires once")
			.isZero();
		complete(task(HANDLE_OVERDUE_VERIFICATION, instance),
				withVariables(OnsiteAudit.OVERDUE_VERIFICATION_NOTES.getName(), "已督促审查组长三个工作日内完成验证"));
		assertThat(instance).hasPassed(OVERDUE_VERIFICATION_HANDLED).isWaitingAt(VERIFY_CORRECTIONS);
		verifyCorrections(instance, CorrectionVerificationListener.CLOSED);
		assertThat(instance).isEnded().hasPassed(AUDIT_RECOMMENDED);
		assertThat(this.beans.calls()).containsExactly("overdueVerificationListener:complete",
				"correctionVerificationListener:complete", "auditOutcomeListener:start");
	}

	private static VariableMap terminationProposed() {
		return CamundaBpmData.builder().set(OnsiteAudit.TERMINATION_PROPOSED, true).build();
	}

	private VariableMap correctionsOpen() {
		return CamundaBpmData.builder()
			.set(OnsiteAudit.OPEN_NONCONFORMITIES, 2)
			.set(OnsiteAudit.CORRECTION_DUE_DATE, this.clock.inDays(30))
			.build();
	}

}
