package cn.certflow.certificate;

import cn.certflow.application.InitialCertification;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues the certificate in the same transaction as this engine step (R-CERT-1). */
@Component
class IssueCertificateDelegate implements JavaDelegate {

	private final CertificateService certificates;

	IssueCertificateDelegate(CertificateService certificates) {
		this.certificates = certificates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Certificate certificate = this.certificates.issue(InitialCertification.APPLICATION_NUMBER.from(execution).get(),
				InitialCertification.AUDIT_ID.from(execution).get(), StatusHistory.Process.of(execution));
		InitialCertification.CERTIFICATE_NUMBER.on(execution).set(certificate.number());
	}

}
