package cn.certflow.application;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The client's corrected documents are in (issue 18 point 3, submitted in the portal):
 * its note on them is required and kept with the status change; the document review
 * repeats and shows the note (R-DOC-1).
 */
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
		String note = FormInput.requiredText(InitialCertification.CORRECTIONS_NOTE, task, "请填写整改说明");
		this.applications.changeStatus(this.applications.forProcess(task.getProcessInstanceId()).number(),
				ApplicationStatus.DOCUMENTS_RESUBMITTED, this.currentUser.id(task),
				"corrected documents received: " + note);
	}

}
