package cn.certflow.surveillance;

import java.util.Date;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.InitialCertification;
import cn.certflow.audit.AuditRepository;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.LifecycleSettings;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.planning.AuditTimeService;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares an audit after certification: person-days from the {@code audit-time} table on
 * the kind's basis (surveillance 0.6 ×, recertification 0.8 ×, change and upgrade as
 * initial; R-PLAN-1), the certificate as it is now, the sites to sample from and the
 * earlier nonconformities to follow up (PCEC 10.1, 10.3).
 */
@Component
class DetermineCertificateAuditTimeDelegate implements JavaDelegate {

	private final CertificateAuditRecords records;

	private final ApplicationService applications;

	private final AuditTimeService auditTime;

	private final AuditRepository audits;

	private final SchemeCatalog schemes;

	private final LifecycleSettings settings;

	DetermineCertificateAuditTimeDelegate(CertificateAuditRecords records, ApplicationService applications,
			AuditTimeService auditTime, AuditRepository audits, SchemeCatalog schemes, LifecycleSettings settings) {
		this.records = records;
		this.applications = applications;
		this.auditTime = auditTime;
		this.audits = audits;
		this.schemes = schemes;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CertificateAudit.Kind kind = CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(execution).get());
		// the kind is the calling activity's constant; certificate, application and
		// request from our records (issue 15)
		Certificate certificate = this.records.certificate(execution);
		ApplicationRecord application = this.applications.byId(certificate.applicationId());
		CertificateAudit.AUDIT_TIME_BASIS.on(execution).set(kind.timeBasis().name());
		CertificateAudit.PERSON_DAYS.on(execution)
			.set(this.auditTime.personDays(application.headcount(), kind.timeBasis()));
		InitialCertification.SCORING_FORM.on(execution).set(this.schemes.get(certificate.scheme()).scoringFormKey());
		CertificateAudit.CERTIFIED_STARS.on(execution).set(certificate.stars());
		CertificateAudit.REQUESTED_STARS.on(execution).set(this.records.requestedStars(certificate, kind));
		CertificateAudit.SITES.on(execution).set(application.sites());
		CertificateAudit.EARLIER_NONCONFORMITIES.on(execution)
			.set(String.join("\n", this.audits.nonconformitiesOfApplication(application.id())));
		Date due = CertificateAudit.AUDIT_DUE_DATE.from(execution).getOrNull();
		if (due == null) {
			CertificateAudit.AUDIT_DUE_DATE.on(execution)
				.set(EngineTime.toDate(EngineTime.now().plusDays(this.settings.auditDays())));
		}
	}

}
