package cn.certflow.surveillance;

import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies an approval ({@link CertificateAuditApproval}: renewal R-REC-1, or reissue
 * R-CHG-1 (2), R-EXT-1, R-UPG-1); a renewal is told to the lifecycle.
 */
@Component
class ApplyCertificateAuditApprovalDelegate implements JavaDelegate {

	private final CertificateAuditApproval approval;

	private final CurrentUser currentUser;

	ApplyCertificateAuditApprovalDelegate(CertificateAuditApproval approval, CurrentUser currentUser) {
		this.approval = approval;
		this.currentUser = currentUser;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the stars were decided in this transaction
		int stars = CertificateAudit.DECIDED_STARS.from(execution).get();
		if (this.approval.apply(execution, stars, this.currentUser.id())) {
			CertificateLifecycle.RENEWED.on(execution).set(true);
		}
	}

}
