package cn.certflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * When the delivery's waiting time ends: the delivery takes the notice if no process's
 * mail step has tried it ({@link NoticeDeliveryProcess#OWNED}); decided once, before the
 * sending job, so that its retries keep the answer.
 */
@Component
class TakeUntriedNoticeListener implements ExecutionListener {

	private final ClientNoticeService notices;

	TakeUntriedNoticeListener(ClientNoticeService notices) {
		this.notices = notices;
	}

	@Override
	public void notify(DelegateExecution execution) {
		NoticeDeliveryProcess.OWNED.on(execution)
			.set(this.notices.untried(NoticeDeliveryProcess.NOTICE_ID.from(execution).get()));
	}

}
