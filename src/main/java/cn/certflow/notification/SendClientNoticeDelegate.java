package cn.certflow.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * E-mails every unsent notice of the process's application or certificate (its business
 * key). Use it on a service task with {@code camunda:asyncBefore="true"} and a
 * {@code failedJobRetryTimeCycle}: a mail server outage is then retried with backoff and
 * ends as an incident, never as a lost step.
 */
@Component
class SendClientNoticeDelegate implements JavaDelegate {

	private final ClientNoticeService notices;

	SendClientNoticeDelegate(ClientNoticeService notices) {
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.notices.sendUnsent(execution.getProcessBusinessKey());
	}

}
