package cn.certflow.application;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The client's corrected documents are in: the document review repeats (R-DOC-1). */
@Component
class DocumentCorrectionsListener implements TaskListener {

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	DocumentCorrectionsListener(ApplicationService applications, CurrentUser currentUser) {
		this.applications = applications;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		this.applications.changeStatus(this.applications.forProcess(task.getProcessInstanceId()).number(),
				ApplicationStatus.DOCUMENTS_RESUBMITTED, this.currentUser.id(task), "corrected documents received");
	}

}
