package cn.certflow.certificate;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * After the certificate is issued (R-ID-1, PCEC 12.1): where the client's record changed
 * after this application was reviewed (a later application's reviewer confirmed a new
 * name or address), the certificate, issued as reviewed, gets its change request to the
 * record's name and address at once; nobody has to notice the difference.
 */
@Component
class HolderOnRecordListener implements ExecutionListener {

	private final CertificateService certificates;

	private final HolderChangeRequests holderChanges;

	private final CurrentUser currentUser;

	HolderOnRecordListener(CertificateService certificates, HolderChangeRequests holderChanges,
			CurrentUser currentUser) {
		this.certificates = certificates;
		this.holderChanges = holderChanges;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Certificate certificate = this.certificates.get(CertificateVariables.CERTIFICATE_NUMBER.from(execution).get());
		this.holderChanges.afterIssue(certificate, this.currentUser.id());
	}

}
