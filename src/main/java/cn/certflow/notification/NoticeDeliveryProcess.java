package cn.certflow.notification;

import cn.certflow.system.AsEngine;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * processes/notice-delivery.bpmn (issue 18 point 6): every notice has a delivery of its
 * own, started in the transaction that writes the notice, so a notice is mailed within a
 * minute whichever step wrote it (an audit plan, a surveillance due date, a suspension)
 * and never waits for a later mail step of some process. A process that mails its notice
 * in its own next step (邮件告知客户) keeps doing so; the delivery then finds the notice tried
 * and leaves it (one sender per notice). A mail server that does not answer fails the
 * delivery's job: retried with backoff, then an incident in Cockpit; the notice stays in
 * the client's inbox meanwhile.
 */
@Component
public class NoticeDeliveryProcess {

	public static final String KEY = "notice-delivery";

	/** The business key of a notice's delivery: {@code notice-<id>}. */
	public static final String BUSINESS_KEY_PREFIX = "notice-";

	public static final VariableFactory<Long> NOTICE_ID = CamundaBpmData.longVariable("noticeId");

	/** Whether this delivery sends the notice (nobody had tried it when it took it). */
	public static final VariableFactory<Boolean> OWNED = CamundaBpmData.booleanVariable("noticeTaken");

	/** Ids of the model's elements. */
	public static final class Elements {

		public static final String NOTICE_WRITTEN = "StartEvent_NoticeWritten";

		public static final String MAIL_STEP_TIME = "TimerEvent_MailStepTime";

		public static final String SEND_NOTICE = "Task_SendNotice";

		public static final String NOTICE_DELIVERED = "EndEvent_NoticeDelivered";

		private Elements() {
		}

	}

	private final RuntimeService runtime;

	private final AsEngine asEngine;

	NoticeDeliveryProcess(RuntimeService runtime, AsEngine asEngine) {
		this.runtime = runtime;
		this.asEngine = asEngine;
	}

	/**
	 * Starts the delivery of notice {@code id} in the caller's transaction (the engine's
	 * own step: the caller's Camunda authorizations are not asked).
	 */
	void start(long id) {
		this.asEngine.run(() -> this.runtime.createProcessInstanceByKey(KEY)
			.businessKey(BUSINESS_KEY_PREFIX + id)
			.setVariables(CamundaBpmData.builder().set(NOTICE_ID, id).build())
			.execute());
	}

}
