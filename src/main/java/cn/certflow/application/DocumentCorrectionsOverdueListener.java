package cn.certflow.application;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The client's corrected documents are overdue (PCEC 8.1, regulatory clock
 * DOCUMENT_CORRECTIONS): when the follow-up task reaches the lead auditor and the
 * reviewers, the escalation is recorded and the client is reminded (issue 18 point 3).
 */
@Component
class DocumentCorrectionsOverdueListener implements TaskListener {

	private final ApplicationService applications;

	DocumentCorrectionsOverdueListener(ApplicationService applications) {
		this.applications = applications;
	}

	@Override
	public void notify(DelegateTask task) {
		// the deadline from our records (the review that asked for the corrections), not
		// a variable
		this.applications.documentCorrectionsOverdue(this.applications.forProcess(task.getProcessInstanceId()));
	}

}
