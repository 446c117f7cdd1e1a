package cn.certflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.certflow.support.EngineClock;
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
 * Issue 18 point 6: processes/notice-delivery.bpmn with the engine alone — each notice
 * has a delivery of its own: it waits a minute (a process that mails the notice in its
 * own next step does so first), takes the notice if nobody tried it, and sends it in an
 * asynchronous job that a failing mail server makes retry with backoff (an incident when
 * the retries are spent), the instance waiting at the send step meanwhile.
 */
@Deployment(resources = "processes/notice-delivery.bpmn")
class NoticeDeliveryProcessTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/notice-delivery.bpmn");

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	private final StandIns beans = new StandIns();

	private final List<Long> sent = new ArrayList<>();

	private static ProcessInstance start(long noticeId) {
		return engine.getRuntimeService()
			.startProcessInstanceByKey(NoticeDeliveryProcess.KEY, NoticeDeliveryProcess.BUSINESS_KEY_PREFIX + noticeId,
					CamundaBpmData.builder().set(NoticeDeliveryProcess.NOTICE_ID, noticeId).build());
	}

	private void untried(boolean untried) {
		this.beans.execution("takeUntriedNoticeListener",
				(execution) -> NoticeDeliveryProcess.OWNED.on(execution).set(untried));
	}

	@Test
	void shouldSendANoticeNobodyTriedAMinuteAfterItWasWritten() {
		untried(true);
		this.beans.execution("deliverNoticeDelegate", (execution) -> {
			if (NoticeDeliveryProcess.OWNED.from(execution).get()) {
				this.sent.add(NoticeDeliveryProcess.NOTICE_ID.from(execution).get());
			}
		});
		ProcessInstance instance = start(42L);
		assertThat(instance).as("nothing sent inside the writer's transaction")
			.isWaitingAt(NoticeDeliveryProcess.Elements.MAIL_STEP_TIME);
		this.clock.moveBy(Duration.ofSeconds(59));
		assertThat(engine.dueTimers(instance)).as("not before a minute").isEmpty();

		this.clock.moveBy(Duration.ofSeconds(2));
		engine.getManagementService().executeJob(engine.dueTimers(instance).get(0).getId());
		assertThat(instance).isWaitingAt(NoticeDeliveryProcess.Elements.SEND_NOTICE);
		assertThat(this.beans.calls()).containsExactly("takeUntriedNoticeListener:end");
		engine.getManagementService().executeJob(job(instance).getId());

		assertThat(this.sent).containsExactly(42L);
		assertThat(instance).isEnded().hasPassed(NoticeDeliveryProcess.Elements.NOTICE_DELIVERED);
	}

	@Test
	void shouldLeaveANoticeAMailStepAlreadyTried() {
		untried(false);
		this.beans.execution("deliverNoticeDelegate", (execution) -> {
			if (NoticeDeliveryProcess.OWNED.from(execution).get()) {
				this.sent.add(NoticeDeliveryProcess.NOTICE_ID.from(execution).get());
			}
		});
		ProcessInstance instance = start(43L);
		this.clock.moveBy(Duration.ofMinutes(2));
		engine.getManagementService().executeJob(engine.dueTimers(instance).get(0).getId());
		engine.getManagementService().executeJob(job(instance).getId());

		assertThat(this.sent).isEmpty();
		assertThat(instance).isEnded();
	}

	@Test
	void shouldRetryWithBackoffWhileTheMailServerFails() {
		untried(true);
		this.beans.execution("deliverNoticeDelegate", (execution) -> {
			throw new IllegalStateException("mail server down");
		});
		ProcessInstance instance = start(7L);
		this.clock.moveBy(Duration.ofMinutes(2));
		engine.getManagementService().executeJob(engine.dueTimers(instance).get(0).getId());

		assertThatThrownBy(() -> engine.getManagementService().executeJob(job(instance).getId()))
			.hasMessageContaining("mail server down");

		Job failed = job(instance);
		assertThat(failed.getExceptionMessage()).contains("mail server down");
		assertThat(failed.getRetries()).as("first try and three retries (PT1M,PT5M,PT30M)").isEqualTo(3);
		assertThat(failed.getDuedate()).as("the next try in a minute")
			.isEqualTo(java.util.Date.from(this.clock.now().toInstant().plus(Duration.ofMinutes(1))));
		assertThat(instance).isWaitingAt(NoticeDeliveryProcess.Elements.SEND_NOTICE);
		assertThat(engine.getRuntimeService().getVariable(instance.getId(), NoticeDeliveryProcess.OWNED.getName()))
			.as("kept for the retries")
			.isEqualTo(true);
	}

	private static Job job(ProcessInstance instance) {
		return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).singleResult();
	}

}
