package cn.certflow.surveillance;

import cn.certflow.application.ApplicationRepository;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequestRepository;
import cn.certflow.certificate.CertificateService;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A refused recertification, change, extension or upgrade: the reasons go to the client in writing (R-DEC-2). */
@Component
class NotifyCertificateAuditRefusalDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final ApplicationRepository notices;

	private final CertificateRequestRepository requests;

	private final CurrentUser currentUser;

	NotifyCertificateAuditRefusalDelegate(CertificateService certificates, ApplicationRepository notices,
			CertificateRequestRepository requests, CurrentUser currentUser) {
		this.certificates = certificates;
		this.notices = notices;
		this.requests = requests;
		this.currentUser = currentUser;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Certificate certificate = this.certificates.get(CertificateAudit.CERTIFICATE_NUMBER.from(execution).get());
		String kind = CertificateAudit.AUDIT_KIND.from(execution).get();
		String reasons = CertificateAudit.DECISION_REASONS.from(execution).get();
		String by = this.currentUser.id();
		this.notices.recordNotice(certificate.applicationId(), kind + "_REFUSED", reasons, by);
		Long requestId = CertificateAudit.REQUEST_ID.from(execution).getOrNull();
		if (requestId != null) {
			this.requests.close(requestId, CertificateRequest.REJECTED, reasons, by);
		}
	}

}
