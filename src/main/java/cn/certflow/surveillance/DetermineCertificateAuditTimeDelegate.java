package cn.certflow.surveillance;

import java.util.Date;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.InitialCertification;
import cn.certflow.audit.AuditRepository;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequestRepository;
import cn.certflow.certificate.CertificateService;
import cn.certflow.certificate.LifecycleSettings;
import cn.certflow.grading.SchemeCatalog;
import cn.certflow.planning.AuditTimeService;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares an audit after certification: person-days from the {@code audit-time} table on the kind's basis
 * (surveillance 0.6 ×, recertification 0.8 ×, change and upgrade as initial; R-PLAN-1), the certificate as it is now,
 * the sites to sample from and the earlier nonconformities to follow up (PCEC 10.1, 10.3).
 */
@Component
class DetermineCertificateAuditTimeDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final ApplicationService applications;

	private final AuditTimeService auditTime;

	private final AuditRepository audits;

	private final SchemeCatalog schemes;

	private final CertificateRequestRepository requests;

	private final LifecycleSettings settings;

	DetermineCertificateAuditTimeDelegate(CertificateService certificates, ApplicationService applications,
			AuditTimeService auditTime, AuditRepository audits, SchemeCatalog schemes,
			CertificateRequestRepository requests, LifecycleSettings settings) {
		this.certificates = certificates;
		this.applications = applications;
		this.auditTime = auditTime;
		this.audits = audits;
		this.schemes = schemes;
		this.requests = requests;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CertificateAudit.Kind kind = CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(execution).get());
		Certificate certificate = this.certificates.get(CertificateAudit.CERTIFICATE_NUMBER.from(execution).get());
		ApplicationRecord application = this.applications.get(CertificateAudit.APPLICATION_NUMBER.from(execution).get());
		CertificateAudit.AUDIT_TIME_BASIS.on(execution).set(kind.timeBasis().name());
		CertificateAudit.PERSON_DAYS.on(execution).set(this.auditTime.personDays(application.headcount(), kind.timeBasis()));
		InitialCertification.SCORING_FORM.on(execution).set(this.schemes.get(certificate.scheme()).scoringFormKey());
		CertificateAudit.CERTIFIED_STARS.on(execution).set(certificate.stars());
		Integer requested = (kind == CertificateAudit.Kind.UPGRADE)
				? this.requests.get(CertificateAudit.REQUEST_ID.from(execution).get()).requestedStars() : certificate.stars();
		CertificateAudit.REQUESTED_STARS.on(execution).set(requested);
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
