package cn.certflow.surveillance;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Optional;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditService;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateSites;
import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.planning.AuditTimeService;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * What an audit after certification starts from: person-days from the {@code audit-time}
 * table on the kind's basis (surveillance 0.6 ×, recertification 0.8 ×, change and
 * upgrade as initial; R-PLAN-1), the certificate as it is now, the sites to sample from
 * and the earlier nonconformities to follow up (PCEC 10.1, 10.3); the plan is due by the
 * surveillance's due date, or some days from now.
 */
@Service
class CertificateAuditPreparation {

	/** The facts the plan task shows. */
	record Prepared(String timeBasis, int personDays, String scoringForm, int certifiedStars, int requestedStars,
			String sites, String earlierNonconformities, Optional<Date> dueDate) {
	}

	private final CertificateAuditRecords records;

	private final ApplicationService applications;

	private final AuditTimeService auditTime;

	private final AuditService audits;

	private final SchemeCatalog schemes;

	private final RegulatoryClock clock;

	private final CertificateSites sites;

	CertificateAuditPreparation(CertificateAuditRecords records, ApplicationService applications,
			AuditTimeService auditTime, AuditService audits, SchemeCatalog schemes, RegulatoryClock clock,
			CertificateSites sites) {
		this.records = records;
		this.applications = applications;
		this.auditTime = auditTime;
		this.audits = audits;
		this.schemes = schemes;
		this.clock = clock;
		this.sites = sites;
	}

	/**
	 * The certificate, application and request from our records (issue 15).
	 * @param dueDate the due date given by the caller, if any; else one is set
	 */
	Prepared prepare(DelegateExecution execution, CertificateAudit.Kind kind, Date dueDate) {
		Certificate certificate = this.records.certificate(execution);
		ApplicationRecord application = this.applications.byId(certificate.applicationId());
		OffsetDateTime defaultDue = this.clock.after(EngineTime.now(), RegulatoryPeriod.CERTIFICATE_AUDIT_PLANNING);
		return new Prepared(kind.timeBasis().name(),
				this.auditTime.personDays(application.headcount(), kind.timeBasis()),
				this.schemes.get(certificate.scheme()).scoringFormKey(), certificate.stars(),
				this.records.requestedStars(certificate, kind), String.join("\n", this.sites.of(certificate.number())),
				String.join("\n", this.audits.nonconformitiesOfApplication(application.id())),
				(dueDate != null) ? Optional.empty() : Optional.of(EngineTime.toDate(defaultDue)));
	}

}
