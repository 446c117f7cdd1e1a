package cn.certflow.certificate;

import cn.certflow.application.ApplicationService;
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

	private final ApplicationService notices;

	private final StatusHistory history;

	SendRecertificationReminderDelegate(CertificateService certificates, ApplicationService notices,
			StatusHistory history) {
		this.certificates = certificates;
		this.notices = notices;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Certificate certificate = this.certificates.forProcess(execution);
		this.notices.recordNotice(
				certificate.applicationId(), "RECERTIFICATION_REMINDER", "贵组织的售后服务认证证书 " + certificate.number() + " 将于 "
						+ certificate.expiresOn() + " 到期。请于到期前申请再认证（PCEC 11）；" + "到期前未完成再认证的，证书自动失效，需重新申请初次认证。",
				CurrentUser.SYSTEM);
		this.history.record(StatusHistory.Entity.CERTIFICATE, certificate.number(), certificate.status().name(),
				certificate.status().name(), CurrentUser.SYSTEM,
				"recertification reminder sent, expiry " + certificate.expiresOn(),
				StatusHistory.Process.of(execution));
	}

}
