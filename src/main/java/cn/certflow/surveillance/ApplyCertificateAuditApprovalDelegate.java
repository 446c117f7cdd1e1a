package cn.certflow.surveillance;

import cn.certflow.certificate.CertificateChanges;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateService;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies an approval: a recertification renews the certificate for three years
 * (R-REC-1); a change, extension or upgrade reissues it with the request's content at the
 * decided grade (R-CHG-1 (2), R-EXT-1, R-UPG-1).
 */
@Component
class ApplyCertificateAuditApprovalDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final CertificateChanges changes;

	private final CertificateAuditRecords records;

	private final CurrentUser currentUser;

	ApplyCertificateAuditApprovalDelegate(CertificateService certificates, CertificateChanges changes,
			CertificateAuditRecords records, CurrentUser currentUser) {
		this.certificates = certificates;
		this.changes = changes;
		this.records = records;
		this.currentUser = currentUser;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// certificate, kind and request from our records (issue 15); the stars were
		// decided in this transaction
		CertificateAuditRecords.Facts facts = this.records.facts(execution);
		CertificateAudit.Kind kind = facts.kind();
		String number = facts.certificate().number();
		int stars = CertificateAudit.DECIDED_STARS.from(execution).get();
		String by = this.currentUser.id();
		if (kind == CertificateAudit.Kind.RECERTIFICATION) {
			this.certificates.renew(number, stars, by, StatusHistory.Process.of(execution));
			CertificateLifecycle.RENEWED.on(execution).set(true);
			return;
		}
		this.changes.apply(
				this.records.changeRequest(number, kind)
					.orElseThrow(() -> new IllegalStateException("No open change request of " + number)),
				stars, by, StatusHistory.Process.of(execution));
	}

}
