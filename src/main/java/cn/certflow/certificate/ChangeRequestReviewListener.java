package cn.certflow.certificate;

import java.util.Set;

import cn.certflow.application.ApplicationRepository;
import cn.certflow.certificate.CertificateLifecycle.ChangeKind;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Review of a change, extension, upgrade or transition request (R-CHG-1, R-EXT-1,
 * R-UPG-1). A premises change and an upgrade always need an on-site audit; a name change
 * or transition never; an extension as the reviewer decides. A rejection needs reasons,
 * which go to the client.
 */
@Component
class ChangeRequestReviewListener implements TaskListener {

	private final CertificateRequestRepository requests;

	private final CertificateService certificates;

	private final ApplicationRepository notices;

	private final CurrentUser currentUser;

	ChangeRequestReviewListener(CertificateRequestRepository requests, CertificateService certificates,
			ApplicationRepository notices, CurrentUser currentUser) {
		this.requests = requests;
		this.certificates = certificates;
		this.notices = notices;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(CertificateLifecycle.CHANGE_REVIEW_OUTCOME, task,
				Set.of("ACCEPT", "REJECT"));
		// the certificate and its open change request from our records, never from
		// process variables (issue 15)
		Certificate certificate = this.certificates.forProcess(task.getExecution());
		CertificateRequest request = this.requests.openChange(certificate.number())
			.orElseThrow(() -> new IllegalStateException("No open change request of " + certificate.number()));
		long requestId = request.id();
		String by = this.currentUser.id(task);
		if ("REJECT".equals(outcome)) {
			String reasons = FormInput.requiredText(CertificateLifecycle.CHANGE_REVIEW_NOTES, task,
					"a rejected request needs reasons for the client");
			this.requests.close(requestId, CertificateRequest.REJECTED, reasons, by);
			this.notices.recordNotice(certificate.applicationId(), "CHANGE_REJECTED", reasons, by);
			return;
		}
		ChangeKind kind = ChangeKind.valueOf(request.kind());
		boolean audit = switch (kind) {
			case PREMISES, UPGRADE -> true;
			case NAME, TRANSITION -> false;
			case EXTENSION -> Boolean.TRUE.equals(CertificateLifecycle.ONSITE_AUDIT_NEEDED.from(task).getOrNull());
		};
		CertificateLifecycle.ONSITE_AUDIT_NEEDED.on(task).set(audit);
		this.requests.updateStatus(requestId, CertificateRequest.ACCEPTED);
	}

}
