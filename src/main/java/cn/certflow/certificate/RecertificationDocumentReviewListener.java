package cn.certflow.certificate;

import java.util.Map;
import java.util.Set;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Document review of a recertification with declared changes (R-DOC-1, R-REC-1); a
 * failure is explained to the client.
 */
@Component
class RecertificationDocumentReviewListener implements TaskListener {

	private final CertificateService certificates;

	private final Notices notices;

	private final CurrentUser currentUser;

	RecertificationDocumentReviewListener(CertificateService certificates, Notices notices, CurrentUser currentUser) {
		this.certificates = certificates;
		this.notices = notices;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(CertificateLifecycle.RECERTIFICATION_DOCUMENTS_OUTCOME, task,
				Set.of("PASSED", "FAILED"));
		if ("FAILED".equals(outcome)) {
			String findings = FormInput.requiredText(CertificateLifecycle.RECERTIFICATION_DOCUMENT_FINDINGS, task,
					"a failed review needs its findings, sent to the client");
			Certificate certificate = this.certificates.forProcess(task.getExecution());
			this.notices.send(NoticeKind.RECERTIFICATION_DOCUMENTS_FAILED, NoticeTo.certificate(certificate.number()),
					Map.of("findings", findings), this.currentUser.id(task));
		}
	}

}
