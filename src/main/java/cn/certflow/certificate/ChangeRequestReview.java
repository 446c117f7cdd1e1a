package cn.certflow.certificate;

import java.util.Map;

import cn.certflow.certificate.CertificateLifecycle.ChangeKind;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * R-CHG-1, R-EXT-1, R-UPG-1: the review of a change, extension, upgrade or transition
 * request. A premises or main service process change and an upgrade always need an
 * on-site audit; a name change, transition or downgrade asked by the client (PCEC 12.3)
 * never; an extension as the reviewer decides. A rejection needs reasons, which go to the
 * client.
 */
@Service
class ChangeRequestReview {

	private final CertificateRequestRepository requests;

	private final CertificateService certificates;

	private final Notices notices;

	ChangeRequestReview(CertificateRequestRepository requests, CertificateService certificates, Notices notices) {
		this.requests = requests;
		this.certificates = certificates;
		this.notices = notices;
	}

	/**
	 * Accepts or rejects the certificate's open change request, from our records, never
	 * from process variables (issue 15); an accepted one tells whether an on-site audit
	 * is needed.
	 */
	void review(DelegateTask task, boolean accept, String by) {
		Certificate certificate = this.certificates.forProcess(task.getExecution());
		CertificateRequest request = this.requests.openChange(certificate.number())
			.orElseThrow(() -> new IllegalStateException("No open change request of " + certificate.number()));
		if (!accept) {
			String reasons = FormInput.requiredText(CertificateLifecycle.CHANGE_REVIEW_NOTES, task,
					"a rejected request needs reasons for the client");
			this.requests.close(request.id(), CertificateRequest.REJECTED, reasons, by);
			this.notices.send(NoticeKind.CHANGE_REJECTED, NoticeTo.certificate(certificate.number()),
					Map.of("reason", reasons), by);
			return;
		}
		boolean audit = switch (ChangeKind.valueOf(request.kind())) {
			case PREMISES, SERVICE_PROCESS, UPGRADE -> true;
			case NAME, TRANSITION, DOWNGRADE -> false;
			case EXTENSION -> Boolean.TRUE.equals(CertificateLifecycle.ONSITE_AUDIT_NEEDED.from(task).getOrNull());
		};
		CertificateLifecycle.ONSITE_AUDIT_NEEDED.on(task).set(audit);
		this.requests.updateStatus(request.id(), CertificateRequest.ACCEPTED);
	}

}
