package cn.certflow.certificate;

import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import cn.certflow.audit.AuditScore;
import cn.certflow.audit.AuditService;
import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.decision.CertificationDecision;
import cn.certflow.decision.CertificationDecisions;
import cn.certflow.grading.Scheme;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.system.ConflictException;
import cn.certflow.system.EngineTime;
import cn.certflow.system.NotFoundException;
import cn.certflow.system.NumberAllocator;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Issues certificates (R-CERT-1) and answers the public lookup (R-CERT-2). */
@Service
public class CertificateService {

	private final ApplicationService applications;

	private final AuditService audits;

	private final CertificationDecisions decisions;

	private final SchemeCatalog schemes;

	private final CertificateRepository certificates;

	private final NumberAllocator numbers;

	private final StatusHistory history;

	private final String certificationBody;

	private final RegulatoryClock clock;

	private final CertificateLifecycleStarter lifecycle;

	private final CertificateNotices notices;

	CertificateService(CertificateLifecycleStarter lifecycle, CertificateNotices notices,
			ApplicationService applications, AuditService audits, CertificationDecisions decisions,
			SchemeCatalog schemes, CertificateRepository certificates, NumberAllocator numbers, StatusHistory history,
			@Value("${certflow.certification-body}") String certificationBody, RegulatoryClock clock) {
		this.applications = applications;
		this.audits = audits;
		this.decisions = decisions;
		this.schemes = schemes;
		this.certificates = certificates;
		this.numbers = numbers;
		this.history = history;
		this.certificationBody = certificationBody;
		this.clock = clock;
		this.lifecycle = lifecycle;
		this.notices = notices;
	}

	/**
	 * Issues the certificate of a positive decision, in the engine's transaction. The
	 * grade is the one graded by the audit, but never above the grade applied for; valid
	 * for three years, through the day before the anniversary. The holder is the
	 * application's, as applied and reviewed (R-ID-1, PCEC 13.1(3)), never the client
	 * record's: the certificate keeps it as issued (a legal document is a copy by
	 * nature); it changes only by a reissue.
	 */
	public Certificate issue(String applicationNumber, long auditId, StatusHistory.Process process) {
		ApplicationRecord application = this.applications.get(applicationNumber);
		CertificationDecision decision = this.decisions.latest(application.id())
			.filter(CertificationDecision::certified)
			.orElseThrow(() -> new IllegalStateException("No positive decision for " + applicationNumber));
		AuditScore score = this.audits.latestScore(auditId)
			.orElseThrow(() -> new IllegalStateException("Audit " + auditId + " has no score"));
		Scheme scheme = this.schemes.get(application.schemeId());
		int stars = Math.min(score.stars(), application.requestedStars());
		LocalDate issuedOn = EngineTime.today();
		String number = String.format("%s-%d-%06d", scheme.id(), Year.from(issuedOn).getValue(),
				this.numbers.next("CERTIFICATE"));
		Certificate certificate = new Certificate(number, application.id(), 1, this.certificationBody,
				application.clientName(), application.clientAddress(), application.creditCode(), application.scope(),
				scheme.id(), scheme.ruleDocument() + " " + scheme.ruleVersion(), scheme.standard(), stars,
				scheme.labels().get(stars), score.decisionKey(), score.decisionVersion(),
				gradedBy(score, stars, scheme.labels().get(stars)), issuedOn,
				this.clock.after(issuedOn, RegulatoryPeriod.CERTIFICATE_VALIDITY).minusDays(1), decision.decidedBy(),
				CertificateStatus.VALID);
		this.certificates.insert(certificate);
		this.certificates.updateCycleStart(number, issuedOn);
		this.certificates.insertRevision(number, certificate, "初次认证颁发 (initial certification)", decision.decidedBy());
		this.history.record(StatusHistory.Entity.CERTIFICATE, number, null, CertificateStatus.VALID.name(),
				decision.decidedBy(),
				"issued at " + certificate.grade() + " (" + score.decisionKey() + " v" + score.decisionVersion() + ")",
				process);
		this.applications.changeStatus(applicationNumber, ApplicationStatus.CERTIFIED, decision.decidedBy(),
				"certificate " + number + " issued");
		this.lifecycle.start(certificate, application);
		return certificate;
	}

	/**
	 * What a reissue changes; null keeps the current value. {@code gradedByAudit}: the
	 * audit whose grading the new revision carries (its table version and explanation,
	 * issue 20 point 11); null when no audit graded it.
	 */
	public record Reissue(String holderName, String holderAddress, String scope, String ruleDocument, Integer stars,
			Long gradedByAudit) {

		public Reissue(String holderName, String holderAddress, String scope, String ruleDocument, Integer stars) {
			this(holderName, holderAddress, scope, ruleDocument, stars, null);
		}

		public static Reissue stars(int stars) {
			return new Reissue(null, null, null, null, stars);
		}

		/** The same change, graded by this audit. */
		public Reissue gradedBy(Long auditId) {
			return new Reissue(this.holderName, this.holderAddress, this.scope, this.ruleDocument, this.stars, auditId);
		}

	}

	/** The grading a revision carries: table, version and why this grade. */
	private record Grading(String decisionKey, int decisionVersion, String explanation) {
	}

	/**
	 * The grading of a new revision at {@code stars} (issue 20 point 11): the audit's own
	 * (table version and explanation) when an audit graded it; a grade changed without an
	 * audit (a downgrade the client asked for, PCEC 12.3) says so instead of keeping the
	 * old grade's explanation; otherwise the current revision's.
	 */
	private Grading grading(Long auditId, int stars, Certificate current, String reason) {
		String label = this.schemes.get(current.scheme()).labels().get(stars);
		if (auditId != null) {
			AuditScore score = this.audits.latestScore(auditId)
				.orElseThrow(() -> new IllegalStateException("Audit " + auditId + " has no score"));
			return new Grading(score.decisionKey(), score.decisionVersion(), gradedBy(score, stars, label));
		}
		if (stars != current.stars()) {
			return new Grading(current.decisionKey(), current.decisionVersion(),
					"未经审查评定：由 " + current.grade() + " 改为 " + label + "（" + reason + "）");
		}
		return new Grading(current.decisionKey(), current.decisionVersion(), current.gradeExplanation());
	}

	/**
	 * The audit's explanation, and why the certificate carries a lower grade than the
	 * audit reached when it does (the grade applied for caps it, R-DEC-2).
	 */
	private static String gradedBy(AuditScore score, int stars, String label) {
		String explanation = (score.explanation() != null) ? score.explanation() : "";
		if (stars >= score.stars()) {
			return explanation;
		}
		String cap = "颁发 " + label + "：审查评定为 " + score.grade() + "，不高于申请或决定的星级";
		return explanation.isEmpty() ? cap : explanation + "\n" + cap;
	}

	/**
	 * Reissues the certificate with changed content as a new revision, same number and
	 * validity; the revision it replaces is recalled (R-CHG-1, R-EXT-1, R-UPG-1,
	 * R-SUR-3). Only a valid certificate is reissued. What the change does not name is
	 * copied from the current revision on purpose: a revision changes only what was
	 * reviewed or decided; the holder's name and address change only by a name or
	 * premises change (R-ID-1 starts one when a client's record changes).
	 */
	public Certificate reissue(String number, Reissue change, String reason, String by, StatusHistory.Process process) {
		Certificate current = requireStatus(number, CertificateStatus.VALID, "reissued");
		int stars = (change.stars() != null) ? change.stars() : current.stars();
		Grading grading = grading(change.gradedByAudit(), stars, current, reason);
		Certificate next = new Certificate(number, current.applicationId(), current.revision() + 1,
				current.certificationBody(), orElse(change.holderName(), current.holderName()),
				orElse(change.holderAddress(), current.holderAddress()), current.creditCode(),
				orElse(change.scope(), current.scope()), current.scheme(),
				orElse(change.ruleDocument(), current.ruleDocument()), current.standard(), stars,
				this.schemes.get(current.scheme()).labels().get(stars), grading.decisionKey(),
				grading.decisionVersion(), grading.explanation(), EngineTime.today(), current.expiresOn(), by,
				current.status());
		replace(current, next, reason, by);
		this.history.record(StatusHistory.Entity.CERTIFICATE, number, current.status().name(), next.status().name(), by,
				"reissued as revision " + next.revision() + ": " + reason, process);
		this.notices.reissued(current, next, reason, by);
		return next;
	}

	/**
	 * Renews the certificate after a positive recertification decision taken before
	 * expiry (R-REC-1): a new revision valid three more years from the day after the old
	 * validity ends; the new cycle starts at the decision date. Holder, scope and rule
	 * are copied from the current revision on purpose: recertification renews what is
	 * certified; a changed name or address goes through its own change request (PCEC
	 * 12.1, R-ID-1), which a confirmed change of the client's record opens, or leaves as
	 * a HOLDER_CHANGE_DUE reminder, on every certificate in force.
	 */
	public Certificate renew(String number, int stars, long auditId, String by, StatusHistory.Process process) {
		Certificate current = requireStatus(number, CertificateStatus.VALID, "renewed");
		LocalDate from = current.expiresOn().plusDays(1);
		Grading grading = grading(auditId, stars, current, "再认证");
		Certificate next = new Certificate(number, current.applicationId(), current.revision() + 1,
				current.certificationBody(), current.holderName(), current.holderAddress(), current.creditCode(),
				current.scope(), current.scheme(), current.ruleDocument(), current.standard(), stars,
				this.schemes.get(current.scheme()).labels().get(stars), grading.decisionKey(),
				grading.decisionVersion(), grading.explanation(), EngineTime.today(),
				this.clock.after(from, RegulatoryPeriod.CERTIFICATE_VALIDITY).minusDays(1), by, current.status());
		replace(current, next, "再认证 (recertification), valid through " + next.expiresOn(), by);
		this.certificates.updateCycleStart(number, EngineTime.today());
		this.notices.reissued(current, next, "再认证通过", by);
		this.history.record(StatusHistory.Entity.CERTIFICATE, number, current.status().name(), next.status().name(), by,
				"renewed by recertification as revision " + next.revision() + ", valid through " + next.expiresOn(),
				process);
		return next;
	}

	/**
	 * Suspends, lifts, withdraws, cancels or expires a certificate (R-SUS-1, R-CERT-1),
	 * recorded with who, when, why and which process.
	 * @throws ConflictException when the certificate's status does not allow it
	 */
	public void changeStatus(String number, CertificateStatus to, String by, String reason,
			StatusHistory.Process process) {
		Certificate current = get(number);
		if (!current.status().canBecome(to)) {
			throw new ConflictException(
					"certificate " + number + " is " + current.status() + " and cannot become " + to);
		}
		this.certificates.updateStatus(number, to);
		this.history.record(StatusHistory.Entity.CERTIFICATE, number, current.status().name(), to.name(), by, reason,
				process);
		this.notices.statusChanged(current, to, reason, by);
	}

	/** Every version of the certificate, oldest first. */
	public List<CertificateRevision> revisions(String number) {
		get(number);
		return this.certificates.revisions(number);
	}

	/**
	 * The first day a higher grade may be applied for (R-UPG-1): the waiting period
	 * ({@link RegulatoryPeriod#UPGRADE_WAITING}) after the first certification.
	 */
	public LocalDate upgradeAllowedFrom(String number) {
		LocalDate first = revisions(number).get(0).issuedOn();
		LocalDate current = get(number).issuedOn();
		return this.clock.after(first.isBefore(current) ? first : current, RegulatoryPeriod.UPGRADE_WAITING);
	}

	/**
	 * Records a recertification decision's surveillance frequency for the cycle it starts
	 * (issue 21 point 2): the reason the decision maker reduced it, or null for the full
	 * frequency. Whether a reduction is allowed is
	 * {@code surveillance.SurveillanceReduction}'s rule.
	 */
	public void recordSurveillanceReduction(String number, String reason) {
		this.certificates.updateSurveillanceReduction(get(number).number(), reason);
	}

	/**
	 * Why the current cycle has fewer surveillances, if a decision maker reduced them.
	 */
	public Optional<String> surveillanceReduction(String number) {
		return this.certificates.surveillanceReduction(number);
	}

	/**
	 * The day the current three-year cycle started (certification or recertification
	 * decision).
	 */
	public LocalDate cycleStart(String number) {
		return this.certificates.cycleStart(number).orElseGet(() -> get(number).issuedOn());
	}

	private Certificate requireStatus(String number, CertificateStatus status, String what) {
		Certificate current = get(number);
		if (current.statusOn(EngineTime.today()) != status) {
			throw new ConflictException(
					"certificate " + number + " is " + current.statusOn(EngineTime.today()) + " and cannot be " + what);
		}
		return current;
	}

	private void replace(Certificate current, Certificate next, String reason, String by) {
		this.certificates.updateVersion(next);
		this.certificates.recallRevision(current.number(), current.revision(), EngineTime.today(),
				"replaced by revision " + next.revision());
		this.certificates.insertRevision(current.number(), next, reason, by);
	}

	private static String orElse(String value, String fallback) {
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	/**
	 * Every certificate issued to the client with this unified social credit code,
	 * whatever its status, by number (the client portal, issue 18).
	 */
	public List<Certificate> ofHolder(String creditCode) {
		return this.certificates.numbersOf(creditCode).stream().map(this::get).toList();
	}

	public Certificate get(String number) {
		return this.certificates.find(number).orElseThrow(() -> new NotFoundException("No certificate " + number));
	}

	/**
	 * The certificate whose lifecycle, audit or suspension this process is: its business
	 * key, the certificate number, set when the application starts the lifecycle. Never a
	 * process variable, which whoever completes a task may set.
	 */
	public Certificate forProcess(DelegateExecution execution) {
		return get(execution.getProcessBusinessKey());
	}

}
