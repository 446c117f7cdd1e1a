package cn.certflow.surveillance;

import cn.certflow.application.ApplicationService;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A refused recertification, change, extension or upgrade: the reasons go to the client
 * in writing (R-DEC-2).
 */
@Component
class NotifyCertificateAuditRefusalDelegate implements JavaDelegate {

	private final CertificateAuditRecords records;

	private final ApplicationService notices;

	private final CurrentUser currentUser;

	NotifyCertificateAuditRefusalDelegate(CertificateAuditRecords records, ApplicationService notices,
			CurrentUser currentUser) {
		this.records = records;
		this.notices = notices;
		this.currentUser = currentUser;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// certificate, kind and request from our records (issue 15); the reasons were
		// written in this transaction
		CertificateAuditRecords.Facts facts = this.records.facts(execution);
		Certificate certificate = facts.certificate();
		String reasons = CertificateAudit.DECISION_REASONS.from(execution).get();
		String by = this.currentUser.id();
		this.notices.recordNotice(certificate.applicationId(), facts.kind().name() + "_REFUSED", reasons, by);
		this.records.closeChangeRequest(certificate.number(), facts.kind(), CertificateRequest.REJECTED, reasons, by);
	}

}
