package cn.certflow.certificate;

import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditService;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues the certificate in the same transaction as this engine step (R-CERT-1). */
@Component
class IssueCertificateDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final ApplicationService applications;

	private final AuditService audits;

	IssueCertificateDelegate(CertificateService certificates, ApplicationService applications, AuditService audits) {
		this.certificates = certificates;
		this.applications = applications;
		this.audits = audits;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// application and audit of this process from our records, never from process
		// variables (issue 15)
		Certificate certificate = this.certificates.issue(
				this.applications.forProcess(execution.getProcessInstanceId()).number(),
				this.audits.currentAudit(execution).id(), StatusHistory.Process.of(execution));
		CertificateVariables.CERTIFICATE_NUMBER.on(execution).set(certificate.number());
	}

}
