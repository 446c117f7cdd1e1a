package cn.certflow.application;

import static cn.certflow.application.InitialCertification.CONFIRM_CLIENT_CHANGE;
import static cn.certflow.application.InitialCertification.REJECTION_REASON;
import static cn.certflow.application.InitialCertification.REVIEW_OUTCOME;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing the application review (R-APP-2/3): accept only with every mandatory
 * document uploaded; reject only with a written reason; accept where the client differs
 * from the client on record only with the reviewer's confirmation, which updates the
 * record (R-ID-1). Records who reviewed and how long the review took.
 */
@Component
class ApplicationReviewListener implements TaskListener {

	static final String ACCEPT = "ACCEPT";

	static final String REJECT = "REJECT";

	private final ApplicationService applications;

	private final DocumentRepository documents;

	private final ClientChangeReview clientChanges;

	private final CurrentUser currentUser;

	ApplicationReviewListener(ApplicationService applications, DocumentRepository documents,
			ClientChangeReview clientChanges, CurrentUser currentUser) {
		this.applications = applications;
		this.documents = documents;
		this.clientChanges = clientChanges;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(REVIEW_OUTCOME, task, Set.of(ACCEPT, REJECT));
		String number = this.applications.forProcess(task.getProcessInstanceId()).number();
		String reason = FormInput.text(REJECTION_REASON, task);
		if (REJECT.equals(outcome) && isBlank(reason)) {
			throw new InvalidInputException(REJECTION_REASON.getName(),
					"a rejection needs a written reason (PCEC 7.1(3))");
		}
		String reviewer = this.currentUser.id(task);
		if (ACCEPT.equals(outcome)) {
			ApplicationRecord application = this.applications.get(number);
			Set<DocumentType> uploaded = EnumSet.noneOf(DocumentType.class);
			uploaded.addAll(this.documents.uploadedTypes(application.id()));
			List<String> missing = EnumSet.allOf(DocumentType.class)
				.stream()
				.filter(t -> t.mandatoryFor(application.schemeId()) && !uploaded.contains(t))
				.map(t -> t + " (" + t.title() + ")")
				.toList();
			if (!missing.isEmpty()) {
				throw new InvalidInputException(REVIEW_OUTCOME.getName(),
						"不能受理：本认证方案（PCEC 6.2 / ZHHT 5.1）的必备文件尚未上传: " + String.join(", ", missing));
			}
			this.clientChanges.onAccept(application, Boolean.TRUE.equals(CONFIRM_CLIENT_CHANGE.from(task).getOrNull()),
					reviewer);
		}
		this.applications.recordReview(number, reviewer, ACCEPT.equals(outcome), reason);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
