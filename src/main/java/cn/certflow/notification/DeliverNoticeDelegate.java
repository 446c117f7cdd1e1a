package cn.certflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * E-mails the one notice of a {@link NoticeDeliveryProcess} if the delivery took it (no
 * process's mail step had tried it); a mail server outage fails the job (retries, then an
 * incident).
 */
@Component
class DeliverNoticeDelegate implements JavaDelegate {

	private final ClientNoticeService notices;

	DeliverNoticeDelegate(ClientNoticeService notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		if (NoticeDeliveryProcess.OWNED.from(execution).getOrDefault(false)) {
			this.notices.sendIfUnsent(NoticeDeliveryProcess.NOTICE_ID.from(execution).get());
		}
	}

}
