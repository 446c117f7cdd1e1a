package cn.certflow.certificate;

import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A change accepted without an on-site audit (name, transition, extension on documents):
 * reissue (R-CHG-1, R-EXT-1).
 */
@Component
class ReissueForChangeDelegate implements JavaDelegate {

	private final CertificateRequestRepository requests;

	private final CertificateChanges changes;

	private final CertificateService certificates;

	ReissueForChangeDelegate(CertificateRequestRepository requests, CertificateChanges changes,
			CertificateService certificates) {
		this.requests = requests;
		this.changes = changes;
		this.certificates = certificates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the certificate's accepted change request and who made it, from our records
		// (issue 15)
		String number = this.certificates.forProcess(execution).number();
		CertificateRequest request = this.requests.openChange(number)
			.orElseThrow(() -> new IllegalStateException("No accepted change request of " + number));
		this.changes.apply(request, null, request.requestedBy(), StatusHistory.Process.of(execution));
	}

}
