package cn.certflow.surveillance;

import java.util.Map;

import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
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

	/** The audit as the client's notice names it. */
	private static final Map<CertificateAudit.Kind, String> AUDIT_NAMES = Map.of(CertificateAudit.Kind.SURVEILLANCE,
			"监督审查", CertificateAudit.Kind.SPECIAL, "特殊审查", CertificateAudit.Kind.RECERTIFICATION, "再认证审查",
			CertificateAudit.Kind.CHANGE, "变更审查", CertificateAudit.Kind.EXTENSION, "扩项审查",
			CertificateAudit.Kind.UPGRADE, "升级审查");

	private final CertificateAuditRecords records;

	private final Notices notices;

	private final CurrentUser currentUser;

	NotifyCertificateAuditRefusalDelegate(CertificateAuditRecords records, Notices notices, CurrentUser currentUser) {
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
		this.notices.send(NoticeKind.CERTIFICATE_AUDIT_REFUSED, NoticeTo.certificate(certificate.number()),
				Map.of("audit", AUDIT_NAMES.get(facts.kind()), "reason", reasons), by);
		this.records.closeChangeRequest(certificate.number(), facts.kind(), CertificateRequest.REJECTED, reasons, by);
	}

}
