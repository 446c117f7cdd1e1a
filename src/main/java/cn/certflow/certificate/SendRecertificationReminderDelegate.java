package cn.certflow.certificate;

import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Expiry − 3 months: the client is reminded to apply for recertification (R-REC-1, PCEC
 * 11); staff get the task.
 */
@Component
class SendRecertificationReminderDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final Notices notices;

	private final StatusHistory history;

	SendRecertificationReminderDelegate(CertificateService certificates, Notices notices, StatusHistory history) {
		this.certificates = certificates;
		this.notices = notices;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Certificate certificate = this.certificates.forProcess(execution);
		this.notices.send(NoticeKind.RECERTIFICATION_REMINDER, NoticeTo.certificate(certificate.number()), Map.of(),
				CurrentUser.SYSTEM);
		this.history.record(StatusHistory.Entity.CERTIFICATE, certificate.number(), certificate.status().name(),
				certificate.status().name(), CurrentUser.SYSTEM,
				"recertification reminder sent, expiry " + certificate.expiresOn(),
				StatusHistory.Process.of(execution));
	}

}
