package cn.certflow.certificate;

import static cn.certflow.certificate.CertificateSuspension.Elements.ASKED_BY_CLIENT;
import static cn.certflow.certificate.CertificateSuspension.Elements.CANCEL;
import static cn.certflow.certificate.CertificateSuspension.Elements.CANCELLED;
import static cn.certflow.certificate.CertificateSuspension.Elements.LIFT;
import static cn.certflow.certificate.CertificateSuspension.Elements.LIFTED;
import static cn.certflow.certificate.CertificateSuspension.Elements.SUSPEND;
import static cn.certflow.certificate.CertificateSuspension.Elements.SUSPENSION_ENDS;
import static cn.certflow.certificate.CertificateSuspension.Elements.VERIFY_LIFTING;
import static cn.certflow.certificate.CertificateSuspension.Elements.WITHDRAW;
import static cn.certflow.certificate.CertificateSuspension.Elements.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Period;
import java.util.Date;
import java.util.List;

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
 * R-SUS-1 (PCEC 12.3): the flow of processes/certificate-suspension.bpmn with the engine
 * alone, its beans stood in for (what they record is tested with CertificateService in
 * CertificateLifecycleProcessTest).
 *
 * <p>
 * Gateways and events of the model, and the test that walks each:
 * <ul>
 * <li>no gateway: suspend, then either the verification of the clearing or the end of the
 * suspension period;</li>
 * <li>Task_VerifyLifting completed in time → Task_LiftSuspension →
 * EndEvent_SuspensionLifted:
 * {@link #shouldLiftTheSuspensionWhenTheDecisionMakersVerifyTheClearingInTime};</li>
 * <li>BoundaryEvent_SuspensionEnds (interrupting timer at {@code ${suspensionEndDate}}),
 * not before its deadline:
 * {@link #shouldKeepWaitingForTheVerificationUntilTheSuspensionPeriodEnds}; at its
 * deadline → Gateway_SuspensionAskedByClient;</li>
 * <li>Gateway_SuspensionAskedByClient: Flow_SuspensionImposed (default) →
 * Task_WithdrawAfterSuspension → EndEvent_CertificateWithdrawn:
 * {@link #shouldWithdrawTheCertificateWhenTheSuspensionPeriodEndsUncleared};
 * Flow_SuspensionAskedByClient → Task_CancelAfterSuspension →
 * EndEvent_CertificateCancelled (error end event CertificateCancelled):
 * {@link #shouldCancelNotWithdrawWhenASuspensionTheClientAskedForEndsUncleared_PCEC_12_3};</li>
 * <li>EndEvent_CertificateWithdrawn (error end event CertificateWithdrawn), caught by the
 * caller's boundary event:
 * {@link #shouldEndInTheErrorCertificateWithdrawnThatTheCallingProcessCatches}.</li>
 * </ul>
 */
@Deployment(resources = "processes/certificate-suspension.bpmn")
class CertificateSuspensionProcessTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/certificate-suspension.bpmn");

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	private static final String NUMBER = "CF-PCEC-2026-0007";

	/**
	 * A stand-in for the certificate lifecycle: calls the suspension, catches a
	 * withdrawal.
	 */
	private static final String CALLER = "suspension-caller";

	private static final String CALLER_CALLS_SUSPENSION = "CallActivity_Suspension";

	private static final String CALLER_CATCHES_WITHDRAWAL = "BoundaryEvent_Withdrawn";

	private static final String CALLER_WITHDRAWN = "EndEvent_CallerWithdrawn";

	private final StandIns beans = new StandIns();

	/**
	 * What the suspend delegate sets: the suspension lasts 6 months
	 * (certflow.suspension-months).
	 */
	private Date suspensionEnd;

	/**
	 * The reason the withdrawal delegate was given (its input parameter statusReason).
	 */
	private String withdrawalReason;

	@BeforeEach
	void standIns() {
		this.suspensionEnd = this.clock.inMonths(6);
		this.beans
			.execution("suspendCertificateDelegate",
					(execution) -> CertificateSuspension.SUSPENSION_END_DATE.on(execution).set(this.suspensionEnd))
			.execution("withdrawCertificateDelegate",
					(execution) -> this.withdrawalReason = CertificateLifecycle.STATUS_REASON.from(execution).get())
			.execution("cancelCertificateDelegate",
					(execution) -> this.withdrawalReason = CertificateLifecycle.STATUS_REASON.from(execution).get())
			.record("suspensionLiftingListener", "liftSuspensionDelegate");
	}

	private static VariableMap suspension() {
		return CamundaBpmData.builder()
			.set(CertificateSuspension.CERTIFICATE_NUMBER, NUMBER)
			.set(CertificateSuspension.SUSPENSION_REASON, "监督审查不通过")
			.set(CertificateSuspension.REQUESTED_BY, "CB")
			.build();
	}

	private static ProcessInstance start() {
		return engine.getRuntimeService().startProcessInstanceByKey(CertificateSuspension.KEY, NUMBER, suspension());
	}

	@Test
	void shouldSuspendThenAskTheDecisionMakersToVerifyTheClearingByTheEndOfTheSuspension() {
		ProcessInstance instance = start();
		assertThat(instance).hasPassed(SUSPEND)
			.isWaitingAt(VERIFY_LIFTING)
			.task()
			.hasCandidateGroup("decision-makers")
			.hasDueDate(this.suspensionEnd);
		assertThat(this.beans.calls()).containsExactly("suspendCertificateDelegate");
		List<Job> timers = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.timers()
			.list();
		assertThat(timers).singleElement()
			.satisfies((timer) -> assertThat(timer.getDuedate()).isEqualTo(this.suspensionEnd));
	}

	@Test
	void shouldKeepWaitingForTheVerificationUntilTheSuspensionPeriodEnds() {
		ProcessInstance instance = start();
		this.clock.moveJustBefore(this.suspensionEnd);
		assertThat(engine.dueTimers(instance)).isEmpty();
		assertThat(engine.pendingTimers(instance)).hasSize(1);
		assertThat(instance).isWaitingAt(VERIFY_LIFTING).hasNotPassed(SUSPENSION_ENDS);
	}

	@Test
	void shouldLiftTheSuspensionWhenTheDecisionMakersVerifyTheClearingInTime() {
		ProcessInstance instance = start();
		this.clock.moveBy(Period.ofMonths(5));
		complete(task(instance), withVariables(CertificateSuspension.CAUSE_CLEARED.getName(), true,
				CertificateSuspension.VERIFICATION_NOTES.getName(), "整改报告已审核"));
		assertThat(instance).isEnded().hasPassed(LIFT, LIFTED).hasNotPassed(SUSPENSION_ENDS, WITHDRAW, WITHDRAWN);
		assertThat(this.beans.calls()).containsExactly("suspendCertificateDelegate",
				"suspensionLiftingListener:complete", "liftSuspensionDelegate");
		assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count())
			.as("the end-of-suspension timer goes with the verification task")
			.isZero();
	}

	@Test
	void shouldWithdrawTheCertificateWhenTheSuspensionPeriodEndsUncleared() {
		ProcessInstance instance = start();
		this.clock.movePast(this.suspensionEnd);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).isEnded().hasPassed(SUSPENSION_ENDS, WITHDRAW, WITHDRAWN).hasNotPassed(LIFT, LIFTED);
		assertThat(this.beans.calls()).containsExactly("suspendCertificateDelegate", "withdrawCertificateDelegate");
		assertThat(this.withdrawalReason).contains("暂停期满").contains("PCEC 12.3");
		assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
			.as("the verification task is cancelled by the interrupting timer")
			.isZero();
	}

	@Test
	void shouldCancelNotWithdrawWhenASuspensionTheClientAskedForEndsUncleared_PCEC_12_3() {
		// PCEC 12.3: "获证企业可以向PCEC主动申请暂停、降级、注销" — the client's own suspension
		// not lifted by its end is 注销 (cancelled), as the client may ask; 撤销 (withdrawn)
		// is the CB's sanction "当获证企业违反认证有关规定、售后服务水平达不到认证要求时"
		VariableMap variables = suspension();
		variables.putValue(CertificateSuspension.REQUESTED_BY.getName(), "CLIENT");
		ProcessInstance instance = engine.getRuntimeService()
			.startProcessInstanceByKey(CertificateSuspension.KEY, NUMBER, variables);
		this.clock.movePast(this.suspensionEnd);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).isEnded()
			.hasPassed(SUSPENSION_ENDS, ASKED_BY_CLIENT, CANCEL, CANCELLED)
			.hasNotPassed(WITHDRAW, WITHDRAWN, LIFT);
		assertThat(this.beans.calls()).containsExactly("suspendCertificateDelegate", "cancelCertificateDelegate");
		assertThat(this.withdrawalReason).contains("注销").contains("PCEC 12.3");
	}

	@Test
	void shouldEndInTheErrorCertificateWithdrawnThatTheCallingProcessCatches() {
		engine.deploy("suspension-caller.bpmn",
				Bpmn.createExecutableProcess(CALLER)
					.camundaHistoryTimeToLive(1)
					.startEvent()
					.callActivity(CALLER_CALLS_SUSPENSION)
					.calledElement(CertificateSuspension.KEY)
					.camundaIn(CertificateSuspension.CERTIFICATE_NUMBER.getName(),
							CertificateSuspension.CERTIFICATE_NUMBER.getName())
					.boundaryEvent(CALLER_CATCHES_WITHDRAWAL)
					.error(CertificateLifecycle.Errors.CERTIFICATE_WITHDRAWN)
					.endEvent(CALLER_WITHDRAWN)
					.moveToActivity(CALLER_CALLS_SUSPENSION)
					.endEvent()
					.done());
		ProcessInstance caller = engine.getRuntimeService().startProcessInstanceByKey(CALLER, NUMBER, suspension());
		ProcessInstance suspension = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.superProcessInstanceId(caller.getId())
			.singleResult();
		assertThat(suspension).isWaitingAt(VERIFY_LIFTING);
		this.clock.movePast(this.suspensionEnd);
		assertThat(engine.fireDueTimers(caller)).isEqualTo(1);
		assertThat(suspension).isEnded().hasPassed(WITHDRAWN);
		assertThat(caller).isEnded().hasPassed(CALLER_CATCHES_WITHDRAWAL, CALLER_WITHDRAWN);
	}

}
