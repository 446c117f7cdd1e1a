package cn.certflow.certificate;

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

import java.util.Date;

import cn.certflow.audit.OnsiteAudit;
import cn.certflow.support.EngineClock;
import cn.certflow.support.ProcessTestEngine;
import cn.certflow.support.StandIns;
import cn.certflow.surveillance.CertificateAudit;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of processes/certificate-lifecycle.bpmn that no other test walks, with the
 * engine alone and its beans stood in for; the rest of the model is walked on the whole
 * application by CertificateLifecycleProcessTest, CertificateChangeProcessTest and
 * AppealComplaintProcessTest (R-SUR-*, R-REC-1, R-CHG-1, R-SUS-1).
 *
 * <p>
 * Paths walked here, and the test that walks each:
 * <ul>
 * <li>Gateway_Recertify: Flow_NoRecertification → Task_MailPendingNotices →
 * TimerEvent_WaitForExpiry (clock moved past the expiry date) → EndEvent_CycleEnded, then
 * Gateway_CycleRenewed: Flow_NotRenewedExpire → Task_ExpireCertificate
 * {@link #shouldMailThePendingNoticesAndLetTheCertificateExpireWhenTheClientDoesNotApply};</li>
 * <li>Gateway_RecertificationDocumentsPassed: Flow_RecertificationDocumentsFailed →
 * Task_MailPendingNotices
 * {@link #shouldMailThePendingNoticesWhenTheRecertificationDocumentsFail};</li>
 * <li>Gateway_Renewal: Flow_NotRenewed → Task_MailPendingNotices, after a refusal in the
 * real certificate-audit, then Gateway_CycleRenewed again at expiry
 * {@link #shouldMailThePendingNoticesWhenTheRecertificationIsRefused} (found a bug in the
 * model, fixed: see there);</li>
 * <li>Gateway_SpecialAuditRequired: Flow_NoSpecialAudit → EndEvent_NoSpecialAudit (and
 * Flow_SpecialAuditRequired for contrast)
 * {@link #shouldRecordAReportedEventWithoutAnAuditWhenTheRulesCallForNone},
 * {@link #shouldStartASpecialAuditBesideTheCycleWhenTheRulesCallForOne}.</li>
 * </ul>
 * Walked elsewhere (on the whole application): Gateway_Recertify APPLY,
 * Gateway_ChangesDeclared both, documents PASSED, Gateway_Renewal renewed,
 * Gateway_CycleRenewed new cycle (CertificateLifecycleProcessTest);
 * Gateway_ChangeAccepted both, Gateway_OnsiteAuditNeeded both, Gateway_Transitioned both
 * (CertificateChangeProcessTest); Gateway_SpecialAuditRequired required
 * (AppealComplaintProcessTest).
 */
@Deployment(resources = { "processes/certificate-lifecycle.bpmn", "processes/certificate-audit.bpmn" })
class CertificateLifecycleGatewayPathsTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	private static final String NUMBER = "CF-PCEC-2026-0007";

	private final StandIns beans = new StandIns();

	/**
	 * The day after the certificate's last valid day (as ScheduleCycleDelegate sets it).
	 */
	private Date expiry;

	@BeforeEach
	void standIns() {
		this.expiry = this.clock.inMonths(3);
		this.beans.record("recertificationApplicationListener", "recertificationDocumentReviewListener",
				"sendClientNoticeDelegate", "expireCertificateDelegate", "impartialityListener",
				"certificateAuditDecisionListener", "notifyCertificateAuditRefusalDelegate", "scheduleCycleDelegate")
			// a special audit comes with no due date: the audit-time delegate gives it
			// one
			.execution("determineCertificateAuditTimeDelegate", (execution) -> {
				if (CertificateAudit.AUDIT_DUE_DATE.from(execution).getOrNull() == null) {
					CertificateAudit.AUDIT_DUE_DATE.on(execution).set(this.clock.inDays(30));
				}
			});
	}

	/** The lifecycle in the last months of its cycle, started before one of its steps. */
	private ProcessInstance startBefore(String activityId) {
		VariableMap variables = CamundaBpmData.builder()
			.set(CertificateLifecycle.CERTIFICATE_NUMBER, NUMBER)
			.set(CertificateLifecycle.APPLICATION_NUMBER, "APP-2026-000042")
			.set(CertificateLifecycle.SCHEME_ID, "PCEC")
			.set(CertificateLifecycle.CLIENT_NAME, "某某服务有限公司")
			.set(CertificateLifecycle.EXPIRY_DATE, this.expiry)
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
		assertThat(task(RECEIVE_RECERTIFICATION, instance)).hasCandidateGroup("cb-reviewers").hasDueDate(this.expiry);
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
	}

}
