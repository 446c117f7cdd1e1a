package cn.certflow.surveillance;

import cn.certflow.certificate.CertificateChanges;
import cn.certflow.certificate.CertificateService;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Applies an approval after an audit: a recertification renews the certificate for three
 * years (R-REC-1); a change, extension or upgrade reissues it with the request's content
 * at the decided grade (R-CHG-1 (2), R-EXT-1, R-UPG-1).
 */
@Service
class CertificateAuditApproval {

	private final CertificateService certificates;

	private final CertificateChanges changes;

	private final CertificateAuditRecords records;

	CertificateAuditApproval(CertificateService certificates, CertificateChanges changes,
			CertificateAuditRecords records) {
		this.certificates = certificates;
		this.changes = changes;
		this.records = records;
	}

	/**
	 * Certificate, kind and request from our records (issue 15); returns whether the
	 * certificate was renewed.
	 */
	boolean apply(DelegateExecution execution, int stars, String by) {
		CertificateAuditRecords.Facts facts = this.records.facts(execution);
		CertificateAudit.Kind kind = facts.kind();
		String number = facts.certificate().number();
		if (kind == CertificateAudit.Kind.RECERTIFICATION) {
			this.certificates.renew(number, stars, facts.audit().id(), by, StatusHistory.Process.of(execution));
			return true;
		}
		this.changes.apply(
				this.records.changeRequest(number, kind)
					.orElseThrow(() -> new IllegalStateException("No open change request of " + number)),
				stars, facts.audit().id(), by, StatusHistory.Process.of(execution));
		return false;
	}

}
