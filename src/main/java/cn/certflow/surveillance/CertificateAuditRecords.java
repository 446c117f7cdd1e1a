package cn.certflow.surveillance;

import java.util.List;
import java.util.Optional;

import cn.certflow.audit.AuditRecord;
import cn.certflow.audit.AuditScore;
import cn.certflow.audit.AuditService;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a certificate-audit process is about, read from our records rather than from its
 * variables, which whoever completes a task may set (issue 15): the certificate is the
 * process's business key, the audit the one planned in it (its kind, its outcome, the
 * grade of its latest score), the change request the certificate's open one, the
 * surveillance the one the audit was planned for.
 */
@Component
class CertificateAuditRecords {

	/**
	 * The facts the sanction rules and the decision rest on (R-SUR-3, R-CHG-1, R-UPG-1).
	 */
	record Facts(Certificate certificate, AuditRecord audit, CertificateAudit.Kind kind, Integer stars,
			int requestedStars) {

		String auditOutcome() {
			return this.audit.outcome();
		}

		int certifiedStars() {
			return this.certificate.stars();
		}

	}

	private static final List<CertificateAudit.Kind> CHANGES = List.of(CertificateAudit.Kind.CHANGE,
			CertificateAudit.Kind.EXTENSION, CertificateAudit.Kind.UPGRADE);

	private final CertificateService certificates;

	private final CertificateRequests requests;

	private final AuditService audits;

	private final SurveillanceService surveillances;

	CertificateAuditRecords(CertificateService certificates, CertificateRequests requests, AuditService audits,
			SurveillanceService surveillances) {
		this.certificates = certificates;
		this.requests = requests;
		this.audits = audits;
		this.surveillances = surveillances;
	}

	Certificate certificate(DelegateExecution execution) {
		return this.certificates.forProcess(execution);
	}

	/** The audit planned in this process, with the facts of its certificate and grade. */
	Facts facts(DelegateExecution execution) {
		Certificate certificate = certificate(execution);
		AuditRecord audit = this.audits.currentAudit(execution);
		CertificateAudit.Kind kind = CertificateAudit.Kind.valueOf(audit.type());
		Integer stars = this.audits.latestScore(audit.id()).map(AuditScore::stars).orElse(null);
		return new Facts(certificate, audit, kind, stars, requestedStars(certificate, kind));
	}

	/**
	 * The grade the audit is for: an upgrade's requested one, else the certified one
	 * (R-UPG-1).
	 */
	int requestedStars(Certificate certificate, CertificateAudit.Kind kind) {
		if (kind != CertificateAudit.Kind.UPGRADE) {
			return certificate.stars();
		}
		return changeRequest(certificate.number(), kind).map(CertificateRequest::requestedStars)
			.orElseThrow(() -> new IllegalStateException("No open upgrade request of " + certificate.number()));
	}

	/**
	 * The open change request a change, extension or upgrade audit serves; none for the
	 * other kinds.
	 */
	Optional<CertificateRequest> changeRequest(String certificateNumber, CertificateAudit.Kind kind) {
		return CHANGES.contains(kind) ? this.requests.openChange(certificateNumber) : Optional.empty();
	}

	/**
	 * Closes the open change request a change, extension or upgrade audit serves, if
	 * there is one.
	 */
	void closeChangeRequest(String certificateNumber, CertificateAudit.Kind kind, String status, String outcome,
			String by) {
		changeRequest(certificateNumber, kind)
			.ifPresent((request) -> this.requests.close(request.id(), status, outcome, by));
	}

	/**
	 * The annual surveillance of the certificate not yet planned (open or postponed), for
	 * a surveillance audit.
	 */
	Optional<Surveillance> surveillanceToPlan(String certificateNumber, CertificateAudit.Kind kind) {
		if (kind != CertificateAudit.Kind.SURVEILLANCE) {
			return Optional.empty();
		}
		return this.surveillances.toPlan(certificateNumber);
	}

	/** The annual surveillance this audit was planned for, if it was. */
	Optional<Surveillance> surveillanceOf(AuditRecord audit, String certificateNumber) {
		return this.surveillances.ofAudit(audit.id(), certificateNumber);
	}

}
