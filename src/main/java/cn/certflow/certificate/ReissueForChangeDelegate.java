package cn.certflow.certificate;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A change accepted without an on-site audit (name, transition, extension on documents): reissue (R-CHG-1, R-EXT-1). */
@Component
class ReissueForChangeDelegate implements JavaDelegate {

	private final CertificateRequestRepository requests;

	private final CertificateChanges changes;

	ReissueForChangeDelegate(CertificateRequestRepository requests, CertificateChanges changes) {
		this.requests = requests;
		this.changes = changes;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CertificateRequest request = this.requests.get(CertificateLifecycle.REQUEST_ID.from(execution).get());
		String by = CertificateLifecycle.ACTOR.from(execution).getOrDefault(CurrentUser.SYSTEM);
		this.changes.apply(request, null, by, StatusHistory.Process.of(execution));
	}

}
