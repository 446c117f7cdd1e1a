package cn.certflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.certflow.support.GatewayPaths;
import cn.certflow.support.ProcessTestEngine;
import cn.certflow.support.StandIns;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18 point 6: processes/notice-delivery.bpmn with the engine alone — the notice is
 * e-mailed by an asynchronous job of its own (so it goes out at once, after the
 * transaction that wrote it commits), and a mail server that fails is retried by the
 * engine with backoff until the job's retries are spent (an incident), the instance
 * waiting at the send step meanwhile.
 */
@Deployment(resources = "processes/notice-delivery.bpmn")
class NoticeDeliveryProcessTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/notice-delivery.bpmn");

	private final StandIns beans = new StandIns();

	private static ProcessInstance start(long noticeId) {
		return engine.getRuntimeService()
			.startProcessInstanceByKey(NoticeDeliveryProcess.KEY, NoticeDeliveryProcess.BUSINESS_KEY_PREFIX + noticeId,
					CamundaBpmData.builder().set(NoticeDeliveryProcess.NOTICE_ID, noticeId).build());
	}

	@Test
	void shouldSendTheNoticeInAJobOfItsOwnAfterTheWritingTransaction() {
		Long[] sent = new Long[1];
		this.beans.execution("deliverNoticeDelegate",
				(execution) -> sent[0] = NoticeDeliveryProcess.NOTICE_ID.from(execution).get());

		ProcessInstance instance = start(42L);

		assertThat(instance).as("nothing sent inside the writer's transaction")
			.isWaitingAt(NoticeDeliveryProcess.Elements.SEND_NOTICE);
		assertThat(sent[0]).isNull();
		engine.getManagementService().executeJob(job(instance).getId());
		assertThat(sent[0]).isEqualTo(42L);
		assertThat(instance).hasPassed(NoticeDeliveryProcess.Elements.SEND_NOTICE)
			.isEnded()
			.hasPassed(NoticeDeliveryProcess.Elements.NOTICE_DELIVERED);
	}

	@Test
	void shouldKeepTheNoticeAtTheSendStepWithRetriesLeftWhenTheMailServerFails() {
		this.beans.execution("deliverNoticeDelegate", (execution) -> {
			throw new IllegalStateException("mail server down");
		});
		ProcessInstance instance = start(7L);

		assertThatThrownBy(() -> engine.getManagementService().executeJob(job(instance).getId()))
			.hasMessageContaining("mail server down");

		Job failed = job(instance);
		assertThat(failed.getExceptionMessage()).contains("mail server down");
		assertThat(failed.getRetries()).as("retried with backoff (PT1M,PT5M,PT30M)").isEqualTo(3);
		assertThat(failed.getDuedate()).as("the next try after a minute").isNotNull();
		assertThat(instance).isWaitingAt(NoticeDeliveryProcess.Elements.SEND_NOTICE);
	}

	private static Job job(ProcessInstance instance) {
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
	}

}
