package cn.certflow.appeal;

import static cn.certflow.appeal.AppealComplaint.Elements.ACKNOWLEDGE;
import static cn.certflow.appeal.AppealComplaint.Elements.ACKNOWLEDGEMENT_OVERDUE;
import static cn.certflow.appeal.AppealComplaint.Elements.CLOSED;
import static cn.certflow.appeal.AppealComplaint.Elements.COMMUNICATE;
import static cn.certflow.appeal.AppealComplaint.Elements.DECIDE;
import static cn.certflow.appeal.AppealComplaint.Elements.RECORD_OVERDUE;
import static cn.certflow.appeal.AppealComplaint.Elements.REPORT_TO_LIFECYCLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;

import cn.certflow.support.EngineClock;
import cn.certflow.support.GatewayPaths;
import cn.certflow.support.ProcessTestEngine;
import cn.certflow.support.StandIns;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R-APL-1 (PCEC 14), R-SUR-2: the flow of processes/appeal-complaint.bpmn with the engine
 * alone, its beans stood in for (what they record and refuse is tested on the whole
 * application by AppealComplaintProcessTest).
 *
 * <p>
 * Gateways and events of the model, and the test that walks each outgoing path:
 * <ul>
 * <li>BoundaryEvent_AcknowledgementOverdue (non-interrupting timer at
 * {@code ${acknowledgementDueDate}}), not before its deadline:
 * {@link #shouldNotEscalateBeforeTheAcknowledgementIsDue}; at its deadline →
 * Task_RecordAcknowledgementOverdue → EndEvent_OverdueRecorded, the acknowledgement task
 * staying open: {@link #shouldRecordALateAcknowledgementAndKeepTheTaskOpen};</li>
 * <li>Gateway_ClientAtFault: Flow_ClientAtFault → Task_ReportToCertificateLifecycle →
 * EndEvent_CaseClosed
 * {@link #shouldReportAComplaintProvenTheClientsFaultToTheCertificateLifecycle};
 * Flow_NotClientAtFault → EndEvent_CaseClosed
 * {@link #shouldCloseTheCaseWithoutReportWhenTheClientIsNotAtFault};</li>
 * <li>Task_MailOutcome (asynchronous): the case waits for the mail before the gateway, in
 * both tests above.</li>
 * </ul>
 */
@Deployment(resources = "processes/appeal-complaint.bpmn")
class AppealComplaintProcessPathsTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/appeal-complaint.bpmn");

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	private static final String CASE_NUMBER = "CASE-2026-000003";

	private static final String MAIL_OUTCOME = "Task_MailOutcome";

	private static final String OVERDUE_RECORDED = "EndEvent_OverdueRecorded";

	private final StandIns beans = new StandIns();

	private Date acknowledgementDue;

	@BeforeEach
	void standIns() {
		this.acknowledgementDue = this.clock.inDays(5);
		this.beans.record("caseAcknowledgementListener", "caseImpartialityListener", "caseDecisionListener",
				"communicateCaseOutcomeDelegate", "sendClientNoticeDelegate", "recordAcknowledgementOverdueDelegate",
				"reportComplaintToLifecycleDelegate");
	}

	/** A complaint as AppealCaseService.receive starts it. */
	private ProcessInstance receive() {
		return engine.getRuntimeService()
			.startProcessInstanceByKey(AppealComplaint.KEY, CASE_NUMBER,
					CamundaBpmData.builder()
						.set(AppealComplaint.CASE_ID, 3L)
						.set(AppealComplaint.CASE_NUMBER, CASE_NUMBER)
						.set(AppealComplaint.KIND, AppealComplaint.Kind.COMPLAINT.name())
						.set(AppealComplaint.CERTIFICATE_NUMBER, "CF-PCEC-2026-0007")
						.set(AppealComplaint.SUBJECT, "维修后再次故障")
						.set(AppealComplaint.ACKNOWLEDGEMENT_DUE_DATE, this.acknowledgementDue)
						.build());
	}

	private static Job mailJob(ProcessInstance instance) {
		return engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(MAIL_OUTCOME)
			.singleResult();
	}

	/** Acknowledged, decided, the outcome communicated and mailed. */
	private ProcessInstance decided(String outcome, boolean clientAtFault) {
		ProcessInstance instance = receive();
		assertThat(task(ACKNOWLEDGE, instance)).hasCandidateGroup("cb-reviewers").hasDueDate(this.acknowledgementDue);
		complete(task(ACKNOWLEDGE, instance),
				withVariables(AppealComplaint.ACKNOWLEDGEMENT_TEXT.getName(), "已收到，将在30日内答复"));
		assertThat(task(DECIDE, instance)).hasCandidateGroup("quality-managers");
		complete(task(DECIDE, instance),
				withVariables(AppealComplaint.OUTCOME.getName(), outcome, AppealComplaint.OUTCOME_REASONS.getName(),
						"经核实", AppealComplaint.CLIENT_AT_FAULT.getName(), clientAtFault));
		assertThat(instance).hasPassed(COMMUNICATE).isWaitingAt(MAIL_OUTCOME);
		engine.getManagementService().executeJob(mailJob(instance).getId());
		return instance;
	}

	@Test
	void shouldReportAComplaintProvenTheClientsFaultToTheCertificateLifecycle() {
		// R-APL-1 + R-SUR-2: the client at fault → the lifecycle is told (special audit)
		ProcessInstance instance = decided(AppealComplaint.UPHELD, true);
		assertThat(instance).isEnded()
			.hasPassedInOrder(ACKNOWLEDGE, DECIDE, COMMUNICATE, MAIL_OUTCOME, REPORT_TO_LIFECYCLE, CLOSED);
		assertThat(this.beans.calls()).containsExactly("caseAcknowledgementListener:complete",
				"caseImpartialityListener:complete", "caseDecisionListener:complete", "communicateCaseOutcomeDelegate",
				"sendClientNoticeDelegate", "reportComplaintToLifecycleDelegate");
	}

	@Test
	void shouldCloseTheCaseWithoutReportWhenTheClientIsNotAtFault() {
		// R-APL-1: a dismissed complaint or an appeal reports nothing to the lifecycle
		ProcessInstance instance = decided(AppealComplaint.DISMISSED, false);
		assertThat(instance).isEnded().hasPassed(MAIL_OUTCOME, CLOSED).hasNotPassed(REPORT_TO_LIFECYCLE);
		assertThat(this.beans.calls()).doesNotContain("reportComplaintToLifecycleDelegate");
	}

	@Test
	void shouldNotEscalateBeforeTheAcknowledgementIsDue() {
		ProcessInstance instance = receive();
		this.clock.moveJustBefore(this.acknowledgementDue);
		assertThat(engine.dueTimers(instance)).isEmpty();
		assertThat(engine.pendingTimers(instance)).singleElement()
			.satisfies((timer) -> assertThat(timer.getDuedate()).isEqualTo(this.acknowledgementDue));
		assertThat(instance).isWaitingAt(ACKNOWLEDGE).hasNotPassed(ACKNOWLEDGEMENT_OVERDUE);
	}

	@Test
	void shouldRecordALateAcknowledgementAndKeepTheTaskOpen() {
		// R-APL-1: a late acknowledgement is escalated to the managers, the case is not
		// dropped
		ProcessInstance instance = receive();
		this.clock.movePast(this.acknowledgementDue);
		assertThat(engine.fireDueTimers(instance)).isEqualTo(1);
		assertThat(instance).hasPassed(ACKNOWLEDGEMENT_OVERDUE, RECORD_OVERDUE, OVERDUE_RECORDED)
			.isWaitingAt(ACKNOWLEDGE);
		assertThat(this.beans.calls()).containsExactly("recordAcknowledgementOverdueDelegate");
		complete(task(ACKNOWLEDGE, instance),
				withVariables(AppealComplaint.ACKNOWLEDGEMENT_TEXT.getName(), "迟复为歉，已受理"));
		assertThat(instance).isWaitingAt(DECIDE);
	}

}
