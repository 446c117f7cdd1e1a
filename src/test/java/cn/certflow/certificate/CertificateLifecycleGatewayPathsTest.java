package cn.certflow.certificate;

import static cn.certflow.certificate.CertificateLifecycle.Elements.CANCEL_ON_REQUEST;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CERTIFICATE_CANCELLED;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CERTIFICATE_CANCELLED_BOUNDARY;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CERTIFICATE_WITHDRAWN;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CERTIFICATE_WITHDRAWN_BOUNDARY;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CHANGE_AUDIT;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CHECK_TRANSITION;
import static cn.certflow.certificate.CertificateLifecycle.Elements.HANDLE_OVERDUE_SURVEILLANCE;
import static cn.certflow.certificate.CertificateLifecycle.Elements.OPEN_SURVEILLANCE;
import static cn.certflow.certificate.CertificateLifecycle.Elements.POSTPONEMENT_EXHAUSTED;
import static cn.certflow.certificate.CertificateLifecycle.Elements.RECERTIFICATION_REMINDER_TIME;
import static cn.certflow.certificate.CertificateLifecycle.Elements.REISSUE_FOR_CHANGE;
import static cn.certflow.certificate.CertificateLifecycle.Elements.REVIEW_CHANGE_REQUEST;
import static cn.certflow.certificate.CertificateLifecycle.Elements.SEND_RECERTIFICATION_REMINDER;
import static cn.certflow.certificate.CertificateLifecycle.Elements.SURVEILLANCE_AUDIT;
import static cn.certflow.certificate.CertificateLifecycle.Elements.SURVEILLANCE_OVERDUE;
import static cn.certflow.certificate.CertificateLifecycle.Elements.SURVEILLANCE_PLANNING_TIME;
import static cn.certflow.certificate.CertificateLifecycle.Elements.SUSPEND_FOR_MISSED_SURVEILLANCE;
import static cn.certflow.certificate.CertificateLifecycle.Elements.SUSPENSION_ON_REQUEST;
import static cn.certflow.certificate.CertificateLifecycle.Elements.TRANSITION_DEADLINE;
import static cn.certflow.certificate.CertificateLifecycle.Elements.WITHDRAW_ON_REQUEST;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CERTIFICATE_EXPIRED;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CERTIFICATE_EXPIRES;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CYCLE_ENDED;
import static cn.certflow.certificate.CertificateLifecycle.Elements.CYCLE_RENEWED;
import static cn.certflow.certificate.CertificateLifecycle.Elements.EVALUATE_SURVEILLANCE_EVENT;
import static cn.certflow.certificate.CertificateLifecycle.Elements.EXPIRE_CERTIFICATE;
import static cn.certflow.certificate.CertificateLifecycle.Elements.MAIL_PENDING_NOTICES;
import static cn.certflow.certificate.CertificateLifecycle.Elements.NO_SPECIAL_AUDIT;
import static cn.certflow.certificate.CertificateLifecycle.Elements.RECEIVE_RECERTIFICATION;
import static cn.certflow.certificate.CertificateLifecycle.Elements.RECERTIFICATION_AUDIT;
import static cn.certflow.certificate.CertificateLifecycle.Elements.REVIEW_RECERTIFICATION_DOCUMENTS;
import static cn.certflow.certificate.CertificateLifecycle.Elements.SCHEDULE_CYCLE;
import static cn.certflow.certificate.CertificateLifecycle.Elements.SPECIAL_AUDIT;
import static cn.certflow.certificate.CertificateLifecycle.Elements.WAIT_FOR_EXPIRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import cn.certflow.audit.OnsiteAudit;
import cn.certflow.support.EngineClock;
import cn.certflow.support.GatewayPaths;
import cn.certflow.support.ProcessTestEngine;
import cn.certflow.support.StandIns;
import cn.certflow.surveillance.CertificateAudit;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R-SUR-1/2, R-REC-1, R-CHG-1, R-SUS-1, R-CERT-1: the flow of
 * processes/certificate-lifecycle.bpmn with the engine alone, its beans stood in for; the
 * certificate-audit and certificate-suspension it calls are the real models (their own
 * flows: CertificateAuditProcessTest, CertificateSuspensionProcessTest), a called
 * certificate audit is ended by process instance modification with the outputs the test
 * needs. What the beans record is tested on the whole application by
 * CertificateLifecycleProcessTest, CertificateChangeProcessTest and
 * AppealComplaintProcessTest.
 *
 * <p>
 * Gateways and events of the model, and the test that walks each outgoing path:
 * <ul>
 * <li>StartEvent_CertificateIssued → Task_ScheduleCycle → SubProcess_AnnualSurveillance
 * (sequential, one per surveillance year) → Task_OpenSurveillance →
 * TimerEvent_SurveillancePlanningTime (clock moved to just before, then past it) →
 * CallActivity_SurveillanceAudit → EndEvent_SurveillanceDone, twice, then
 * TimerEvent_RecertificationWindow → Task_ReceiveRecertificationApplication, its
 * BoundaryEvent_RecertificationReminder (non-interrupting) →
 * Task_SendRecertificationReminder → Task_MailRecertificationReminder →
 * EndEvent_ReminderSent
 * {@link #shouldPlanEachYearlySurveillanceThenRemindOfTheRecertification};</li>
 * <li>BoundaryEvent_SurveillanceOverdue (non-interrupting,
 * {@code ${surveillanceDueDate}}) → Task_HandleOverdueSurveillance →
 * EndEvent_OverdueHandled, the audit going on
 * {@link #shouldAskTheManagersAboutAnOverdueSurveillanceWhileTheAuditGoesOn};</li>
 * <li>BoundaryEvent_PostponementExhausted (interrupting,
 * {@code ${surveillanceLatestDate}}) → CallActivity_SuspendForMissedSurveillance →
 * EndEvent_SuspendedForMissedSurveillance
 * {@link #shouldSuspendTheCertificateWhenTheSurveillanceIsThreeMonthsOverdue};</li>
 * <li>Gateway_Recertify: Flow_RecertificationApplied → Gateway_ChangesDeclared
 * {@link #shouldReviewTheDocumentsBeforeTheRecertificationAuditWhenChangesAreDeclared},
 * {@link #shouldGoStraightToTheRecertificationAuditWhenNoChangesAreDeclared};
 * Flow_NoRecertification → Task_MailPendingNotices → TimerEvent_WaitForExpiry →
 * EndEvent_CycleEnded
 * {@link #shouldMailThePendingNoticesAndLetTheCertificateExpireWhenTheClientDoesNotApply};</li>
 * <li>Gateway_ChangesDeclared: Flow_ChangesDeclared → Task_ReviewRecertificationDocuments
 * {@link #shouldReviewTheDocumentsBeforeTheRecertificationAuditWhenChangesAreDeclared};
 * Flow_NoChanges → CallActivity_RecertificationAudit
 * {@link #shouldGoStraightToTheRecertificationAuditWhenNoChangesAreDeclared};</li>
 * <li>Gateway_RecertificationDocumentsPassed: Flow_RecertificationDocumentsPassed →
 * CallActivity_RecertificationAudit
 * {@link #shouldReviewTheDocumentsBeforeTheRecertificationAuditWhenChangesAreDeclared};
 * Flow_RecertificationDocumentsFailed → Task_MailPendingNotices
 * {@link #shouldMailThePendingNoticesWhenTheRecertificationDocumentsFail};</li>
 * <li>Gateway_Renewal: Flow_Renewed → EndEvent_CycleRenewed
 * {@link #shouldStartANewCycleWhenTheRecertificationRenewsTheCertificate};
 * Flow_NotRenewed → Task_MailPendingNotices, after a refusal in the real
 * certificate-audit {@link #shouldMailThePendingNoticesWhenTheRecertificationIsRefused}
 * (found a bug in the model, fixed: see there);</li>
 * <li>Gateway_CycleRenewed: Flow_NewCycle → Task_ScheduleCycle
 * {@link #shouldStartANewCycleWhenTheRecertificationRenewsTheCertificate};
 * Flow_NotRenewedExpire → Task_ExpireCertificate
 * {@link #shouldMailThePendingNoticesAndLetTheCertificateExpireWhenTheClientDoesNotApply};</li>
 * <li>BoundaryEvent_CertificateExpires (interrupting, {@code ${expiryDate}}) →
 * Task_ExpireCertificate → EndEvent_CertificateExpired
 * {@link #shouldLetTheCertificateExpireWhenTheRecertificationIsNotDoneByTheExpiryDate};</li>
 * <li>SubProcess_ChangeRequest (message CertificateChangeRequested),
 * Gateway_ChangeAccepted: Flow_ChangeRejected → Task_MailChangeRejection →
 * EndEvent_ChangeRejected {@link #shouldMailTheReasonsWhenAChangeRequestIsRejected};
 * Flow_ChangeAccepted → Gateway_OnsiteAuditNeeded: Flow_ChangeAuditNeeded →
 * CallActivity_ChangeAudit → EndEvent_ChangeDone
 * {@link #shouldAuditAnAcceptedChangeOnSiteWhenItNeedsIt}; Flow_NoChangeAudit →
 * Task_ReissueForChange → EndEvent_ChangeDone
 * {@link #shouldReissueTheCertificateForAnAcceptedChangeWithoutAudit};</li>
 * <li>SubProcess_SpecialAudit (message SurveillanceEventReported),
 * Gateway_SpecialAuditRequired: Flow_NoSpecialAudit → EndEvent_NoSpecialAudit
 * {@link #shouldRecordAReportedEventWithoutAnAuditWhenTheRulesCallForNone};
 * Flow_SpecialAuditRequired → CallActivity_SpecialAudit → EndEvent_SpecialAuditDone
 * {@link #shouldStartASpecialAuditBesideTheCycleWhenTheRulesCallForOne};</li>
 * <li>SubProcess_Transition (message TransitionDeadlineSet),
 * TimerEvent_TransitionDeadline (clock moved to just before, then past it),
 * Gateway_Transitioned: Flow_Transitioned → EndEvent_Transitioned
 * {@link #shouldKeepTheCertificateWhenItIsTransitionedInTime}; Flow_NotTransitioned →
 * EndEvent_NotTransitioned (error CertificateCancelled) →
 * BoundaryEvent_CertificateCancelled → EndEvent_CertificateCancelled
 * {@link #shouldCancelTheCertificateWhenItIsNotTransitionedByTheDeadline};</li>
 * <li>SubProcess_SuspensionRequest (message CertificateSuspensionRequested) →
 * CallActivity_SuspensionOnRequest → EndEvent_SuspensionOver
 * {@link #shouldGoOnWithTheCycleWhenASuspensionOnRequestIsLifted}; the suspension's error
 * CertificateWithdrawn → BoundaryEvent_CertificateWithdrawn →
 * EndEvent_CertificateWithdrawn
 * {@link #shouldEndTheLifecycleWhenASuspensionOnRequestEndsInWithdrawal};</li>
 * <li>SubProcess_WithdrawalRequest (message CertificateWithdrawalRequested) →
 * Task_WithdrawOnRequest → EndEvent_WithdrawnOnRequest (error CertificateWithdrawn) →
 * BoundaryEvent_CertificateWithdrawn → EndEvent_CertificateWithdrawn
 * {@link #shouldEndTheLifecycleWhenTheCertificateIsWithdrawnOnRequest};</li>
 * <li>SubProcess_CancellationRequest (message CertificateCancellationRequested) →
 * Task_CancelOnRequest → EndEvent_CancelledOnRequest (error CertificateCancelled) →
 * BoundaryEvent_CertificateCancelled → EndEvent_CertificateCancelled
 * {@link #shouldEndTheLifecycleWhenTheCertificateIsCancelledOnRequest}.</li>
 * </ul>
 */
@Deployment(resources = { "processes/certificate-lifecycle.bpmn", "processes/certificate-audit.bpmn",
		"processes/certificate-suspension.bpmn" })
class CertificateLifecycleGatewayPathsTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/certificate-lifecycle.bpmn");

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	private static final String NUMBER = "CF-PCEC-2026-0007";

	private final StandIns beans = new StandIns();

	/**
	 * The day after the certificate's last valid day (as ScheduleCycleDelegate sets it).
	 */
	private Date expiry;

	/** The recertification application deadline (expiry − 3 months by default). */
	private Date deadline;

	private static final String MAIL_RECERTIFICATION_REMINDER = "Task_MailRecertificationReminder";

	private static final String SURVEILLANCE_DONE = "EndEvent_SurveillanceDone";

	private static final String OVERDUE_HANDLED = "EndEvent_OverdueHandled";

	private static final String SUSPENDED_FOR_MISSED_SURVEILLANCE = "EndEvent_SuspendedForMissedSurveillance";

	private static final String CHANGE_REJECTED = "EndEvent_ChangeRejected";

	private static final String MAIL_CHANGE_REJECTION = "Task_MailChangeRejection";

	private static final String CHANGE_DONE = "EndEvent_ChangeDone";

	private static final String SPECIAL_AUDIT_DONE = "EndEvent_SpecialAuditDone";

	private static final String TRANSITIONED = "EndEvent_Transitioned";

	private static final String NOT_TRANSITIONED = "EndEvent_NotTransitioned";

	private static final String SUSPENSION_OVER = "EndEvent_SuspensionOver";

	private static final String WITHDRAWN_ON_REQUEST = "EndEvent_WithdrawnOnRequest";

	private static final String CANCELLED_ON_REQUEST = "EndEvent_CancelledOnRequest";

	@BeforeEach
	void standIns() {
		this.expiry = this.clock.inMonths(3);
		this.deadline = this.clock.inDays(1);
		this.beans
			.record("recertificationApplicationListener", "recertificationDocumentReviewListener",
					"sendClientNoticeDelegate", "expireCertificateDelegate", "impartialityListener",
					"certificateAuditDecisionListener", "notifyCertificateAuditRefusalDelegate",
					"certificateAuditPlanListener", "sendRecertificationReminderDelegate",
					"surveillanceEscalationListener", "changeRequestReviewListener", "reissueForChangeDelegate",
					"holderNameListener", "suspensionLiftingListener", "liftSuspensionDelegate",
					"withdrawCertificateDelegate", "cancelCertificateDelegate")
			// a special audit comes with no due date: the audit-time delegate gives it
			// one
			.execution("determineCertificateAuditTimeDelegate", (execution) -> {
				if (CertificateAudit.AUDIT_DUE_DATE.from(execution).getOrNull() == null) {
					CertificateAudit.AUDIT_DUE_DATE.on(execution).set(this.clock.inDays(30));
				}
				CertificateAudit.PLANNING_ESCALATED_HERE.on(execution)
					.set(CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(execution).get())
						.escalatesOverduePlanning());
			})
			// a three-year cycle from now, surveillance in years 1 and 2, the application
			// window the last year, deadline 3 months before expiry, reminder a month
			// before it
			.execution("scheduleCycleDelegate", (execution) -> {
				ZonedDateTime start = this.clock.zonedNow();
				CertificateLifecycle.CYCLE_START.on(execution).set(this.clock.now());
				CertificateLifecycle.EXPIRY_DATE.on(execution).set(Date.from(start.plusYears(3).toInstant()));
				CertificateLifecycle.SURVEILLANCE_YEARS.on(execution).set(List.of(1, 2));
				CertificateLifecycle.RECERTIFICATION_WINDOW_DATE.on(execution)
					.set(Date.from(start.plusYears(2).toInstant()));
				CertificateLifecycle.RECERTIFICATION_DEADLINE.on(execution)
					.set(Date.from(start.plusYears(3).minusMonths(3).toInstant()));
				CertificateLifecycle.RECERTIFICATION_REMINDER_DATE.on(execution)
					.set(Date.from(start.plusYears(3).minusMonths(4).toInstant()));
				CertificateLifecycle.RENEWED.on(execution).set(false);
			})
			// due on the cycle's anniversary, planned two months before, at the latest
			// three months after
			.execution("openSurveillanceDelegate", (execution) -> {
				ZonedDateTime due = CertificateLifecycle.CYCLE_START.from(execution)
					.get()
					.toInstant()
					.atZone(EngineClock.ZONE)
					.plusYears(CertificateLifecycle.SURVEILLANCE_YEAR.from(execution).get());
				CertificateLifecycle.SURVEILLANCE_ID.on(execution).set(11L);
				CertificateLifecycle.SURVEILLANCE_DUE_DATE.on(execution).set(Date.from(due.toInstant()));
				CertificateLifecycle.SURVEILLANCE_LATEST_DATE.on(execution)
					.set(Date.from(due.plusMonths(3).toInstant()));
				CertificateLifecycle.SURVEILLANCE_PLANNING_DATE.on(execution)
					.set(Date.from(due.minusMonths(2).toInstant()));
			})
			.execution("suspendCertificateDelegate",
					(execution) -> CertificateSuspension.SUSPENSION_END_DATE.on(execution).set(this.clock.inMonths(2)))
			.execution("checkTransitionDelegate",
					(execution) -> CertificateLifecycle.TRANSITIONED.on(execution).set(this.transitioned));
	}

	/** What the transition check stand-in finds. */
	private boolean transitioned;

	/** The lifecycle in the last months of its cycle, started before one of its steps. */
	private ProcessInstance startBefore(String activityId) {
		VariableMap variables = CamundaBpmData.builder()
			.set(CertificateLifecycle.CERTIFICATE_NUMBER, NUMBER)
			.set(CertificateLifecycle.APPLICATION_NUMBER, "APP-2026-000042")
			.set(CertificateLifecycle.SCHEME_ID, "PCEC")
			.set(CertificateLifecycle.CLIENT_NAME, "某某服务有限公司")
			.set(CertificateLifecycle.EXPIRY_DATE, this.expiry)
			.set(CertificateLifecycle.RECERTIFICATION_DEADLINE, this.deadline)
			// the reminder is walked by
			// shouldPlanEachYearlySurveillanceThenRemindOfTheRecertification: here
			// it falls after expiry, out of the way of the other timers
			.set(CertificateLifecycle.RECERTIFICATION_REMINDER_DATE,
					Date.from(this.expiry.toInstant().plus(java.time.Duration.ofDays(1))))
			.set(CertificateLifecycle.RENEWED, false)
			.build();
		return engine.getRuntimeService()
			.createProcessInstanceByKey(CertificateLifecycle.KEY)
			.businessKey(NUMBER)
			.setVariables(variables)
			.startBeforeActivity(activityId)
			.execute();
	}

	private static Job jobAt(ProcessInstance instance, String activityId) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.singleResult();
	}

	private static void mailPendingNotices(ProcessInstance instance) {
		assertThat(instance).isWaitingAt(MAIL_PENDING_NOTICES);
		engine.getManagementService().executeJob(jobAt(instance, MAIL_PENDING_NOTICES).getId());
	}

	@Test
	void shouldMailThePendingNoticesAndLetTheCertificateExpireWhenTheClientDoesNotApply() {
		// R-REC-1, R-CERT-1: no recertification → the client is told, the certificate
		// runs out on its expiry date
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		assertThat(task(RECEIVE_RECERTIFICATION, instance)).hasCandidateGroup("cb-reviewers").hasDueDate(this.deadline);
		complete(task(RECEIVE_RECERTIFICATION, instance),
				withVariables(CertificateLifecycle.RECERTIFICATION_DECISION.getName(), "NOT_APPLYING"));
		mailPendingNotices(instance);
		assertThat(instance).isWaitingAt(WAIT_FOR_EXPIRY)
			.hasNotPassed(REVIEW_RECERTIFICATION_DOCUMENTS, RECERTIFICATION_AUDIT);

		this.clock.moveJustBefore(this.expiry);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(this.expiry);
		assertThat(engine.dueTimers(instance)).as("the cycle's end and its expiry boundary fall due together")
			.extracting(Job::getId)
			.containsExactlyInAnyOrder(jobAt(instance, WAIT_FOR_EXPIRY).getId(),
					jobAt(instance, CERTIFICATE_EXPIRES).getId());
		// either way the certificate expires; the boundary event's way is walked by
		// CertificateLifecycleProcessTest
		engine.getManagementService().executeJob(jobAt(instance, WAIT_FOR_EXPIRY).getId());
		assertThat(instance).isEnded()
			.hasPassedInOrder(MAIL_PENDING_NOTICES, WAIT_FOR_EXPIRY, CYCLE_ENDED, EXPIRE_CERTIFICATE,
					CERTIFICATE_EXPIRED)
			.hasNotPassed(CERTIFICATE_EXPIRES, SCHEDULE_CYCLE);
		assertThat(this.beans.calls()).containsExactly("recertificationApplicationListener:complete",
				"sendClientNoticeDelegate", "expireCertificateDelegate");
	}

	@Test
	void shouldMailThePendingNoticesWhenTheRecertificationDocumentsFail() {
		ProcessInstance instance = startBefore(REVIEW_RECERTIFICATION_DOCUMENTS);
		complete(task(REVIEW_RECERTIFICATION_DOCUMENTS, instance),
				withVariables(CertificateLifecycle.RECERTIFICATION_DOCUMENTS_OUTCOME.getName(), "FAILED",
						CertificateLifecycle.RECERTIFICATION_DOCUMENT_FINDINGS.getName(), "缺少近三年服务记录"));
		mailPendingNotices(instance);
		assertThat(instance).isWaitingAt(WAIT_FOR_EXPIRY).hasNotPassed(RECERTIFICATION_AUDIT);
	}

	/**
	 * Failed on the model before the fix: the refusal path of certificate-audit never
	 * sets {@code renewed}, the call activity's {@code <camunda:out source="renewed">}
	 * copies that null over the lifecycle's {@code false}, and {@code ${renewed}} at
	 * Gateway_Renewal throws "condition expression returns null" inside the refusal-mail
	 * job: the job is retried (the mail re-sent each time), then an incident; the
	 * certificate expires only by the cycle's boundary timer. Passes with
	 * {@code <camunda:out sourceExpression="${execution.getVariable('renewed') == true}"
	 * target="renewed"/>} on CallActivity_RecertificationAudit.
	 */
	@Test
	void shouldMailThePendingNoticesWhenTheRecertificationIsRefused() {
		// R-REC-1: a refused recertification renews nothing; the certificate runs to its
		// expiry
		ProcessInstance instance = startBefore(RECERTIFICATION_AUDIT);
		ProcessInstance audit = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(instance.getId())
			.singleResult();
		assertThat(audit).isWaitingAt(CertificateAudit.Elements.PLAN_AUDIT)
			.variables()
			.containsEntry(CertificateAudit.AUDIT_KIND.getName(), CertificateAudit.Kind.RECERTIFICATION.name());
		engine.getRuntimeService()
			.setVariables(audit.getId(),
					CamundaBpmData.builder()
						.set(CertificateAudit.AUDIT_OUTCOME, OnsiteAudit.Outcome.NOT_RECOMMENDED.name())
						.build());
		engine.getRuntimeService()
			.createProcessInstanceModification(audit.getId())
			.cancelAllForActivity(CertificateAudit.Elements.PLAN_AUDIT)
			.startBeforeActivity(CertificateAudit.Elements.DECIDE)
			.execute();
		complete(task(CertificateAudit.Elements.DECIDE, audit), withVariables(CertificateAudit.DECISION.getName(),
				CertificateAudit.REFUSE, CertificateAudit.DECISION_REASONS.getName(), "不符合项未整改"));
		engine.getManagementService().executeJob(jobAt(audit, CertificateAudit.Elements.MAIL_REFUSAL).getId());
		assertThat(audit).isEnded().hasPassed(CertificateAudit.Elements.NOTIFY_REFUSAL);
		mailPendingNotices(instance);
		assertThat(instance).isWaitingAt(WAIT_FOR_EXPIRY).hasNotPassed(CYCLE_RENEWED);
		this.clock.movePast(this.expiry);
		engine.getManagementService().executeJob(jobAt(instance, WAIT_FOR_EXPIRY).getId());
		assertThat(instance).isEnded().hasPassed(CYCLE_ENDED, EXPIRE_CERTIFICATE, CERTIFICATE_EXPIRED);
	}

	/**
	 * A surveillance event reported while the cycle runs; the trigger rules (stood in
	 * for) say whether to audit.
	 */
	private ProcessInstance reportEvent(boolean specialAuditRequired) {
		this.beans.execution("evaluateSurveillanceEventDelegate",
				(execution) -> CertificateLifecycle.SPECIAL_AUDIT_REQUIRED.on(execution).set(specialAuditRequired));
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		engine.getRuntimeService()
			.createMessageCorrelation(CertificateLifecycle.Message.SURVEILLANCE_EVENT_REPORTED)
			.processInstanceId(instance.getId())
			.setVariables(CamundaBpmData.builder()
				.set(CertificateLifecycle.EVENT_KIND, "MINOR_COMPLAINT")
				.set(CertificateLifecycle.EVENT_EVIDENCE, "消费者投诉一次，已处理")
				.set(CertificateLifecycle.EVENT_DATE, this.clock.now())
				.build())
			.correlate();
		return instance;
	}

	@Test
	void shouldRecordAReportedEventWithoutAnAuditWhenTheRulesCallForNone() {
		// R-SUR-2: the trigger rules decide; an event that calls for no audit is
		// recorded, the cycle goes on
		ProcessInstance instance = reportEvent(false);
		assertThat(instance).hasPassed(EVALUATE_SURVEILLANCE_EVENT, NO_SPECIAL_AUDIT)
			.isNotWaitingAt(SPECIAL_AUDIT)
			.isWaitingAt(RECEIVE_RECERTIFICATION);
	}

	@Test
	void shouldStartASpecialAuditBesideTheCycleWhenTheRulesCallForOne() {
		ProcessInstance instance = reportEvent(true);
		assertThat(instance).hasPassed(EVALUATE_SURVEILLANCE_EVENT)
			.isWaitingAt(SPECIAL_AUDIT, RECEIVE_RECERTIFICATION)
			.hasNotPassed(NO_SPECIAL_AUDIT);
		assertThat(finishAudit(instance)).variables()
			.containsEntry(CertificateAudit.AUDIT_KIND.getName(), CertificateAudit.Kind.SPECIAL.name());
		assertThat(instance).hasPassed(SPECIAL_AUDIT_DONE).isWaitingAt(RECEIVE_RECERTIFICATION);
	}

	/** The certificate audit the lifecycle called. */
	private static ProcessInstance calledAudit(ProcessInstance instance) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(instance.getId())
			.processDefinitionKey(CertificateAudit.KEY)
			.singleResult();
	}

	/**
	 * Ends the certificate audit the lifecycle called, closed with {@code outputs};
	 * returns the audit as it was called.
	 */
	private static ProcessInstance finishAudit(ProcessInstance instance, VariableMap outputs) {
		ProcessInstance audit = calledAudit(instance);
		assertThat(audit).isWaitingAt(CertificateAudit.Elements.PLAN_AUDIT);
		engine.getRuntimeService().setVariables(audit.getId(), outputs);
		engine.getRuntimeService()
			.createProcessInstanceModification(audit.getId())
			.cancelAllForActivity(CertificateAudit.Elements.PLAN_AUDIT)
			.startBeforeActivity(CertificateAudit.Elements.AUDIT_CLOSED)
			.execute();
		assertThat(audit).isEnded();
		return audit;
	}

	private static ProcessInstance finishAudit(ProcessInstance instance) {
		return finishAudit(instance, CamundaBpmData.builder().build());
	}

	/** A certificate just issued: its lifecycle from the start event. */
	private static ProcessInstance issued() {
		return engine.getRuntimeService()
			.startProcessInstanceByKey(CertificateLifecycle.KEY, NUMBER,
					CamundaBpmData.builder()
						.set(CertificateLifecycle.CERTIFICATE_NUMBER, NUMBER)
						.set(CertificateLifecycle.APPLICATION_NUMBER, "APP-2026-000042")
						.set(CertificateLifecycle.SCHEME_ID, "PCEC")
						.set(CertificateLifecycle.CLIENT_NAME, "某某服务有限公司")
						.build());
	}

	private static Date variable(ProcessInstance instance, String activityId, VariableFactory<Date> variable) {
		String execution = engine.getRuntimeService()
			.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.singleResult()
			.getId();
		return variable.from(engine.getRuntimeService(), execution).get();
	}

	/**
	 * The year's surveillance: the planning timer passed, the audit called (as the
	 * lifecycle hands it in).
	 */
	private ProcessInstance surveillanceAuditOfTheYear(ProcessInstance instance) {
		assertThat(instance).isWaitingAt(SURVEILLANCE_PLANNING_TIME);
		Date planning = variable(instance, SURVEILLANCE_PLANNING_TIME, CertificateLifecycle.SURVEILLANCE_PLANNING_DATE);
		this.clock.moveJustBefore(planning);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(planning);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).isWaitingAt(SURVEILLANCE_AUDIT);
		ProcessInstance audit = calledAudit(instance);
		assertThat(audit).variables()
			.containsEntry(CertificateAudit.AUDIT_KIND.getName(), CertificateAudit.Kind.SURVEILLANCE.name())
			.containsEntry(CertificateAudit.CERTIFICATE_NUMBER.getName(), NUMBER);
		return audit;
	}

	@Test
	void shouldPlanEachYearlySurveillanceThenRemindOfTheRecertification() {
		// R-SUR-1, R-REC-1: a surveillance in years 1 and 2, planned two months before it
		// is due; the application open from the start of the last year (PCEC 11, ZHHT
		// 3.2, issue 21 point 4), the reminder before the deadline while the application
		// task waits
		ProcessInstance instance = issued();
		assertThat(instance).hasPassed(SCHEDULE_CYCLE, OPEN_SURVEILLANCE);
		surveillanceAuditOfTheYear(instance);
		finishAudit(instance);
		assertThat(instance).hasPassed(SURVEILLANCE_DONE);
		surveillanceAuditOfTheYear(instance);
		finishAudit(instance);
		assertThat(instance).isWaitingAt(CertificateLifecycle.Elements.RECERTIFICATION_WINDOW)
			.hasNotPassed(SURVEILLANCE_OVERDUE);
		Date window = CertificateLifecycle.RECERTIFICATION_WINDOW_DATE
			.from(engine.getRuntimeService(), instance.getId())
			.get();
		this.clock.moveJustBefore(window);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(window);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).isWaitingAt(RECEIVE_RECERTIFICATION).hasNotPassed(SEND_RECERTIFICATION_REMINDER);
		Date reminder = CertificateLifecycle.RECERTIFICATION_REMINDER_DATE
			.from(engine.getRuntimeService(), instance.getId())
			.get();
		assertThat(reminder).isBefore(
				CertificateLifecycle.RECERTIFICATION_DEADLINE.from(engine.getRuntimeService(), instance.getId()).get());
		this.clock.moveJustBefore(reminder);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(reminder);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).hasPassed(RECERTIFICATION_REMINDER_TIME, SEND_RECERTIFICATION_REMINDER);
		mail(instance, MAIL_RECERTIFICATION_REMINDER);
		assertThat(instance).hasPassed(CertificateLifecycle.Elements.REMINDER_SENT)
			.isWaitingAt(RECEIVE_RECERTIFICATION);
		assertThat(this.beans.calls()).containsExactly("scheduleCycleDelegate", "openSurveillanceDelegate",
				"determineCertificateAuditTimeDelegate", "openSurveillanceDelegate",
				"determineCertificateAuditTimeDelegate", "sendRecertificationReminderDelegate",
				"sendClientNoticeDelegate");
	}

	@Test
	void shouldAskTheManagersAboutAnOverdueSurveillanceWhileTheAuditGoesOn() {
		// R-SUR-1: overdue → the managers decide about it; the audit is not dropped
		ProcessInstance instance = issued();
		surveillanceAuditOfTheYear(instance);
		Date due = variable(instance, SURVEILLANCE_AUDIT, CertificateLifecycle.SURVEILLANCE_DUE_DATE);
		this.clock.moveJustBefore(due);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(due);
		// the lifecycle's 监督到期未完成, and the audit's own plan timer, which leaves an
		// annual surveillance to it (CertificateAuditProcessTest)
		assertThat(engine.fireDueTimers(instance)).isEqualTo(2);
		assertThat(engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.activityId(CertificateAudit.Elements.OVERDUE_LEFT_TO_CALLER)
			.count()).isEqualTo(1);
		assertThat(instance).hasPassed(SURVEILLANCE_OVERDUE)
			.isWaitingAt(SURVEILLANCE_AUDIT, HANDLE_OVERDUE_SURVEILLANCE);
		assertThat(task(HANDLE_OVERDUE_SURVEILLANCE, instance)).hasCandidateGroup("managers");
		complete(task(HANDLE_OVERDUE_SURVEILLANCE, instance));
		assertThat(instance).hasPassed(OVERDUE_HANDLED).isWaitingAt(SURVEILLANCE_AUDIT);
		finishAudit(instance);
		assertThat(instance).hasPassed(SURVEILLANCE_DONE).isWaitingAt(SURVEILLANCE_PLANNING_TIME);
		assertThat(this.beans.calls()).contains("surveillanceEscalationListener:create",
				"surveillanceEscalationListener:complete");
	}

	@Test
	void shouldSuspendTheCertificateWhenTheSurveillanceIsThreeMonthsOverdue() {
		// R-SUR-1, R-SUS-1 (PCEC 10.2, 12.3): not done 3 months after its due date → the
		// certificate is suspended; lifted, the cycle goes on with the next year
		ProcessInstance instance = issued();
		surveillanceAuditOfTheYear(instance);
		this.clock.movePast(variable(instance, SURVEILLANCE_AUDIT, CertificateLifecycle.SURVEILLANCE_DUE_DATE));
		engine.fireDueTimers(instance);
		complete(task(HANDLE_OVERDUE_SURVEILLANCE, instance));
		Date latest = variable(instance, SURVEILLANCE_AUDIT, CertificateLifecycle.SURVEILLANCE_LATEST_DATE);
		this.clock.moveJustBefore(latest);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(latest);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).hasPassed(POSTPONEMENT_EXHAUSTED)
			.isWaitingAt(SUSPEND_FOR_MISSED_SURVEILLANCE)
			.isNotWaitingAt(SURVEILLANCE_AUDIT);
		assertThat(calledAudit(instance)).as("the overdue audit is cancelled").isNull();
		ProcessInstance suspension = calledSuspension(instance);
		assertThat(suspension).variables()
			.containsEntry(CertificateSuspension.REQUESTED_BY.getName(), "CB")
			.hasEntrySatisfying(CertificateSuspension.SUSPENSION_REASON.getName(),
					(reason) -> assertThat(reason.toString()).contains("PCEC 10.2"));
		liftSuspension(suspension);
		assertThat(instance).hasPassed(SUSPENDED_FOR_MISSED_SURVEILLANCE).isWaitingAt(SURVEILLANCE_PLANNING_TIME);
	}

	private static ProcessInstance calledSuspension(ProcessInstance instance) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(instance.getId())
			.processDefinitionKey(CertificateSuspension.KEY)
			.singleResult();
	}

	private static void liftSuspension(ProcessInstance suspension) {
		complete(task(CertificateSuspension.Elements.VERIFY_LIFTING, suspension),
				withVariables(CertificateSuspension.CAUSE_CLEARED.getName(), true,
						CertificateSuspension.VERIFICATION_NOTES.getName(), "整改报告已审核"));
		assertThat(suspension).isEnded().hasPassed(CertificateSuspension.Elements.LIFTED);
	}

	private static void mail(ProcessInstance instance, String activityId) {
		assertThat(instance).isWaitingAt(activityId);
		engine.getManagementService().executeJob(jobAt(instance, activityId).getId());
	}

	private static void applyForRecertification(ProcessInstance instance, boolean changesDeclared) {
		complete(task(RECEIVE_RECERTIFICATION, instance),
				withVariables(CertificateLifecycle.RECERTIFICATION_DECISION.getName(), "APPLY",
						CertificateLifecycle.CHANGES_DECLARED.getName(), changesDeclared));
	}

	@Test
	void shouldReviewTheDocumentsBeforeTheRecertificationAuditWhenChangesAreDeclared() {
		// R-REC-1: declared changes → the documents are reviewed first
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		applyForRecertification(instance, true);
		assertThat(instance).isWaitingAt(REVIEW_RECERTIFICATION_DOCUMENTS);
		complete(task(REVIEW_RECERTIFICATION_DOCUMENTS, instance),
				withVariables(CertificateLifecycle.RECERTIFICATION_DOCUMENTS_OUTCOME.getName(), "PASSED"));
		assertThat(instance).isWaitingAt(RECERTIFICATION_AUDIT).hasNotPassed(MAIL_PENDING_NOTICES);
		assertThat(calledAudit(instance)).variables()
			.containsEntry(CertificateAudit.AUDIT_KIND.getName(), CertificateAudit.Kind.RECERTIFICATION.name())
			.containsEntry(CertificateAudit.AUDIT_DUE_DATE.getName(), this.expiry);
	}

	@Test
	void shouldGoStraightToTheRecertificationAuditWhenNoChangesAreDeclared() {
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		applyForRecertification(instance, false);
		assertThat(instance).isWaitingAt(RECERTIFICATION_AUDIT).hasNotPassed(REVIEW_RECERTIFICATION_DOCUMENTS);
	}

	@Test
	void shouldStartANewCycleWhenTheRecertificationRenewsTheCertificate() {
		// R-REC-1: renewed → a new three-year cycle, the certificate does not expire
		ProcessInstance instance = startBefore(RECERTIFICATION_AUDIT);
		finishAudit(instance, CamundaBpmData.builder().set(CertificateLifecycle.RENEWED, true).build());
		assertThat(instance).hasPassed(CYCLE_RENEWED, SCHEDULE_CYCLE)
			.hasNotPassed(MAIL_PENDING_NOTICES, EXPIRE_CERTIFICATE)
			.isWaitingAt(SURVEILLANCE_PLANNING_TIME);
		assertThat(CertificateLifecycle.RENEWED.from(engine.getRuntimeService(), instance.getId()).get()).isFalse();
		this.clock.movePast(this.expiry);
		assertThat(engine.dueTimers(instance)).as("the old expiry date is gone with the old cycle").isEmpty();
	}

	@Test
	void shouldLetTheCertificateExpireWhenTheRecertificationIsNotDoneByTheExpiryDate() {
		// R-CERT-1: the expiry date passes with the recertification still open → expired
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		this.clock.moveJustBefore(this.expiry);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(this.expiry);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).isEnded()
			.hasPassed(CERTIFICATE_EXPIRES, EXPIRE_CERTIFICATE, CERTIFICATE_EXPIRED)
			.hasNotPassed(CYCLE_ENDED);
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	private ProcessInstance changeRequested() {
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		engine.getRuntimeService()
			.createMessageCorrelation(CertificateLifecycle.Message.CHANGE_REQUESTED)
			.processInstanceId(instance.getId())
			.setVariables(CamundaBpmData.builder()
				.set(CertificateLifecycle.REQUEST_ID, 5L)
				.set(CertificateLifecycle.CHANGE_KIND, CertificateLifecycle.ChangeKind.PREMISES.name())
				.set(CertificateLifecycle.CHANGE_DESCRIPTION, "服务网点迁址")
				.build())
			.correlate();
		assertThat(task(REVIEW_CHANGE_REQUEST, instance)).hasCandidateGroup("cb-reviewers");
		return instance;
	}

	private static void reviewChange(ProcessInstance instance, String outcome, boolean onsiteAuditNeeded) {
		complete(task(REVIEW_CHANGE_REQUEST, instance),
				withVariables(CertificateLifecycle.CHANGE_REVIEW_OUTCOME.getName(), outcome,
						CertificateLifecycle.ONSITE_AUDIT_NEEDED.getName(), onsiteAuditNeeded,
						CertificateLifecycle.CHANGE_REVIEW_NOTES.getName(), "评审意见"));
	}

	@Test
	void shouldMailTheReasonsWhenAChangeRequestIsRejected() {
		// R-CHG-1: a rejected change is mailed to the client with its reasons
		ProcessInstance instance = changeRequested();
		reviewChange(instance, "REJECT", false);
		mail(instance, MAIL_CHANGE_REJECTION);
		assertThat(instance).hasPassed(CHANGE_REJECTED)
			.hasNotPassed(CHANGE_AUDIT, REISSUE_FOR_CHANGE)
			.isWaitingAt(RECEIVE_RECERTIFICATION);
	}

	@Test
	void shouldAuditAnAcceptedChangeOnSiteWhenItNeedsIt() {
		// R-CHG-1: a change that needs an on-site audit: a change audit (premises →
		// CHANGE)
		ProcessInstance instance = changeRequested();
		reviewChange(instance, "ACCEPT", true);
		assertThat(instance).isWaitingAt(CHANGE_AUDIT, RECEIVE_RECERTIFICATION).hasNotPassed(REISSUE_FOR_CHANGE);
		assertThat(finishAudit(instance)).variables()
			.containsEntry(CertificateAudit.AUDIT_KIND.getName(), CertificateAudit.Kind.CHANGE.name());
		assertThat(instance).hasPassed(CHANGE_DONE).isWaitingAt(RECEIVE_RECERTIFICATION);
	}

	@Test
	void shouldReissueTheCertificateForAnAcceptedChangeWithoutAudit() {
		// R-CHG-1: a change without on-site audit: the certificate is reissued at once
		ProcessInstance instance = changeRequested();
		reviewChange(instance, "ACCEPT", false);
		assertThat(instance).hasPassed(REISSUE_FOR_CHANGE, CHANGE_DONE)
			.hasNotPassed(CHANGE_AUDIT)
			.isWaitingAt(RECEIVE_RECERTIFICATION);
		assertThat(this.beans.calls()).containsSubsequence("changeRequestReviewListener:complete",
				"reissueForChangeDelegate", "holderNameListener:start");
	}

	private ProcessInstance transitionDeadlineSet(boolean transitionedInTime) {
		this.transitioned = transitionedInTime;
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		Date deadline = this.clock.inMonths(1);
		engine.getRuntimeService()
			.createMessageCorrelation(CertificateLifecycle.Message.TRANSITION_DEADLINE_SET)
			.processInstanceId(instance.getId())
			.setVariables(CamundaBpmData.builder()
				.set(CertificateLifecycle.TRANSITION_DEADLINE, deadline)
				.set(CertificateLifecycle.TRANSITION_RULE_DOCUMENT, "CQM/F-RZ-ZY-06-001 第2版")
				.build())
			.correlate();
		assertThat(instance).isWaitingAt(TRANSITION_DEADLINE, RECEIVE_RECERTIFICATION);
		this.clock.moveJustBefore(deadline);
		assertThat(engine.dueTimers(instance)).isEmpty();
		this.clock.movePast(deadline);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).hasPassed(CHECK_TRANSITION);
		return instance;
	}

	@Test
	void shouldKeepTheCertificateWhenItIsTransitionedInTime() {
		// R-CHG-1 (3): transitioned by the deadline → nothing happens to the certificate
		ProcessInstance instance = transitionDeadlineSet(true);
		assertThat(instance).hasPassed(TRANSITIONED)
			.hasNotPassed(NOT_TRANSITIONED)
			.isWaitingAt(RECEIVE_RECERTIFICATION);
	}

	@Test
	void shouldCancelTheCertificateWhenItIsNotTransitionedByTheDeadline() {
		// R-CHG-1 (3): not transitioned by the deadline → the certificate is cancelled
		ProcessInstance instance = transitionDeadlineSet(false);
		assertThat(instance).isEnded()
			.hasPassed(NOT_TRANSITIONED, CERTIFICATE_CANCELLED_BOUNDARY, CERTIFICATE_CANCELLED)
			.hasNotPassed(TRANSITIONED, EXPIRE_CERTIFICATE);
	}

	private ProcessInstance suspensionRequested() {
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		engine.getRuntimeService()
			.createMessageCorrelation(CertificateLifecycle.Message.SUSPENSION_REQUESTED)
			.processInstanceId(instance.getId())
			.setVariables(CamundaBpmData.builder()
				// a suspension by the CB: one the client asked for ends in 注销 instead of
				// withdrawal (PCEC 12.3, issue 21 point 7)
				.set(CertificateLifecycle.SUSPENSION_REASON, "监督发现服务不满足要求，限期整改")
				.set(CertificateLifecycle.REQUESTED_BY, "CB")
				.set(CertificateLifecycle.ACTOR, "decider")
				.build())
			.correlate();
		assertThat(instance).isWaitingAt(SUSPENSION_ON_REQUEST, RECEIVE_RECERTIFICATION);
		return instance;
	}

	@Test
	void shouldGoOnWithTheCycleWhenASuspensionOnRequestIsLifted() {
		// R-SUS-1: suspended on request, lifted → the cycle goes on
		ProcessInstance instance = suspensionRequested();
		ProcessInstance suspension = calledSuspension(instance);
		assertThat(suspension).variables().containsEntry(CertificateSuspension.REQUESTED_BY.getName(), "CB");
		liftSuspension(suspension);
		assertThat(instance).hasPassed(SUSPENSION_OVER).isWaitingAt(RECEIVE_RECERTIFICATION);
	}

	@Test
	void shouldEndTheLifecycleWhenASuspensionOnRequestEndsInWithdrawal() {
		// R-SUS-1 (PCEC 12.3): the suspension period ends uncleared → withdrawn, the
		// lifecycle ends
		ProcessInstance instance = suspensionRequested();
		this.clock.movePast(this.clock.inMonths(2));
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).isEnded()
			.hasPassed(CERTIFICATE_WITHDRAWN_BOUNDARY, CERTIFICATE_WITHDRAWN)
			.hasNotPassed(SUSPENSION_OVER, EXPIRE_CERTIFICATE);
	}

	@Test
	void shouldEndTheLifecycleWhenTheCertificateIsWithdrawnOnRequest() {
		// R-SUS-1: the CB withdraws the certificate → the lifecycle ends withdrawn
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		engine.getRuntimeService()
			.createMessageCorrelation(CertificateLifecycle.Message.WITHDRAWAL_REQUESTED)
			.processInstanceId(instance.getId())
			.setVariables(CamundaBpmData.builder()
				.set(CertificateLifecycle.WITHDRAWAL_REASON, "严重投诉经核实")
				.set(CertificateLifecycle.ACTOR, "decider")
				.build())
			.correlate();
		assertThat(instance).isEnded()
			.hasPassed(WITHDRAW_ON_REQUEST, WITHDRAWN_ON_REQUEST, CERTIFICATE_WITHDRAWN_BOUNDARY, CERTIFICATE_WITHDRAWN)
			.hasNotPassed(EXPIRE_CERTIFICATE);
		assertThat(this.beans.calls()).containsExactly("withdrawCertificateDelegate");
	}

	@Test
	void shouldEndTheLifecycleWhenTheCertificateIsCancelledOnRequest() {
		// R-SUS-1: the client asks for cancellation → the lifecycle ends cancelled
		ProcessInstance instance = startBefore(RECEIVE_RECERTIFICATION);
		engine.getRuntimeService()
			.createMessageCorrelation(CertificateLifecycle.Message.CANCELLATION_REQUESTED)
			.processInstanceId(instance.getId())
			.setVariables(CamundaBpmData.builder()
				.set(CertificateLifecycle.CANCELLATION_REASON, "客户停止经营")
				.set(CertificateLifecycle.ACTOR, "reviewer")
				.build())
			.correlate();
		assertThat(instance).isEnded()
			.hasPassed(CANCEL_ON_REQUEST, CANCELLED_ON_REQUEST, CERTIFICATE_CANCELLED_BOUNDARY, CERTIFICATE_CANCELLED)
			.hasNotPassed(EXPIRE_CERTIFICATE, CERTIFICATE_WITHDRAWN);
		assertThat(this.beans.calls()).containsExactly("cancelCertificateDelegate");
	}

}
