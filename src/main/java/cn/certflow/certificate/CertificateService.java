package cn.certflow.certificate;

import java.time.LocalDate;
import java.time.Year;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import cn.certflow.audit.AuditRepository;
import cn.certflow.decision.DecisionRepository;
import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.system.EngineTime;
import cn.certflow.system.NotFoundException;
import cn.certflow.system.NumberAllocator;
import cn.certflow.system.StatusHistory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Issues certificates (R-CERT-1) and answers the public lookup (R-CERT-2). */
@Service
public class CertificateService {

	private final ApplicationService applications;

	private final AuditRepository audits;

	private final DecisionRepository decisions;

	private final SchemeCatalog schemes;

	private final CertificateRepository certificates;

	private final NumberAllocator numbers;

	private final StatusHistory history;

	private final String certificationBody;

	private final int validityYears;

	CertificateService(ApplicationService applications, AuditRepository audits, DecisionRepository decisions,
			SchemeCatalog schemes, CertificateRepository certificates, NumberAllocator numbers, StatusHistory history,
			@Value("${certflow.certification-body}") String certificationBody,
			@Value("${certflow.certificate-validity-years:3}") int validityYears) {
		this.applications = applications;
		this.audits = audits;
		this.decisions = decisions;
		this.schemes = schemes;
		this.certificates = certificates;
		this.numbers = numbers;
		this.history = history;
		this.certificationBody = certificationBody;
		this.validityYears = validityYears;
	}

	/**
	 * Issues the certificate of a positive decision, in the engine's transaction. The grade is the one graded by the
	 * audit, but never above the grade applied for; valid for three years, through the day before the anniversary.
	 */
	public Certificate issue(String applicationNumber, long auditId) {
		ApplicationRecord application = this.applications.get(applicationNumber);
		DecisionRepository.Decision decision = this.decisions.latest(application.id())
			.filter(DecisionRepository.Decision::certified)
			.orElseThrow(() -> new IllegalStateException("No positive decision for " + applicationNumber));
		AuditRepository.ScoreRecord score = this.audits.latestScore(auditId)
			.orElseThrow(() -> new IllegalStateException("Audit " + auditId + " has no score"));
		Scheme scheme = this.schemes.get(application.schemeId());
		int stars = Math.min(score.stars(), application.requestedStars());
		LocalDate issuedOn = EngineTime.today();
		String number = String.format("%s-%d-%06d", scheme.id(), Year.from(issuedOn).getValue(),
				this.numbers.next("CERTIFICATE"));
		Certificate certificate = new Certificate(number, application.id(), 1, this.certificationBody,
				application.clientName(), application.clientAddress(), application.creditCode(), application.scope(),
				scheme.id(), scheme.ruleDocument() + " " + scheme.ruleVersion(), scheme.standard(), stars,
				scheme.labels().get(stars), score.decisionKey(), score.decisionVersion(), score.explanation(), issuedOn,
				issuedOn.plusYears(this.validityYears).minusDays(1), decision.decidedBy(), CertificateStatus.VALID);
		this.certificates.insert(certificate);
		this.history.record(StatusHistory.Entity.CERTIFICATE, number, null, CertificateStatus.VALID.name(),
				decision.decidedBy(), "issued at " + certificate.grade() + " (" + score.decisionKey() + " v"
						+ score.decisionVersion() + ")");
		this.applications.changeStatus(applicationNumber, ApplicationStatus.CERTIFIED, decision.decidedBy(),
				"certificate " + number + " issued");
		return certificate;
	}

	public Certificate get(String number) {
		return this.certificates.find(number).orElseThrow(() -> new NotFoundException("No certificate " + number));
	}

}
