package cn.certflow.certificate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After a change (R-CHG-1, R-ID-1): the lifecycle's client name, copied from the
 * certificate when it was issued, is read again from the certificate as it now stands, so
 * that the tasks and audits that follow carry the holder's current name (a name change
 * reissues it).
 */
@Component
class HolderNameListener implements ExecutionListener {

	private final CertificateService certificates;

	HolderNameListener(CertificateService certificates) {
		this.certificates = certificates;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Certificate certificate = this.certificates.get(CertificateLifecycle.CERTIFICATE_NUMBER.from(execution).get());
		CertificateLifecycle.CLIENT_NAME.on(execution).set(certificate.holderName());
	}

}
