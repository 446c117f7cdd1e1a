package cn.certflow.certificate;

import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The certificate is issued: a notice to the client, in the same transaction as the
 * certificate (R-CERT-1).
 */
@Component
class CertificateIssuedNoticeListener implements ExecutionListener {

	private final CertificateService certificates;

	private final Notices notices;

	CertificateIssuedNoticeListener(CertificateService certificates, Notices notices) {
		this.certificates = certificates;
		this.notices = notices;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Certificate certificate = this.certificates.get(CertificateVariables.CERTIFICATE_NUMBER.from(execution).get());
		this.notices.send(NoticeKind.CERTIFICATE_ISSUED, NoticeTo.certificate(certificate.number()), Map.of(),
				certificate.signatory());
	}

}
