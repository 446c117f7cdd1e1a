package cn.certflow.application;

import static cn.certflow.application.InitialCertification.DOCUMENT_FINDINGS;
import static cn.certflow.application.InitialCertification.DOCUMENT_REVIEW_OUTCOME;

import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The document review gate (R-DOC-1, PCEC 8.1): each round recorded; findings go back to
 * the client.
 */
@Component
class DocumentReviewListener implements TaskListener {

	static final String PASSED = "PASSED";

	static final String CORRECTIONS_NEEDED = "CORRECTIONS_NEEDED";

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	DocumentReviewListener(ApplicationService applications, CurrentUser currentUser) {
		this.applications = applications;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(DOCUMENT_REVIEW_OUTCOME, task, Set.of(PASSED, CORRECTIONS_NEEDED));
		String findings = FormInput.text(DOCUMENT_FINDINGS, task);
		boolean passed = PASSED.equals(outcome);
		if (!passed && (findings == null || findings.isBlank())) {
			throw new InvalidInputException(DOCUMENT_FINDINGS.getName(), "list the findings the client must correct");
		}
		ApplicationRecord application = this.applications.forProcess(task.getProcessInstanceId());
		this.applications.documentsReviewed(application, passed, findings, this.currentUser.id(task))
			.ifPresent(
					(due) -> InitialCertification.DOCUMENT_CORRECTIONS_DUE_DATE.on(task).set(EngineTime.toDate(due)));
	}

}
