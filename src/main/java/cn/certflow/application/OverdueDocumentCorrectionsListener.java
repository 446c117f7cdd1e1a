package cn.certflow.application;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What the lead auditor or a reviewer did about overdue document corrections goes on the
 * application's timeline; the client's task stays open (PCEC 8.1).
 */
@Component
class OverdueDocumentCorrectionsListener implements TaskListener {

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	OverdueDocumentCorrectionsListener(ApplicationService applications, CurrentUser currentUser) {
		this.applications = applications;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String notes = FormInput.requiredText(InitialCertification.OVERDUE_DOCUMENT_CORRECTIONS_NOTES, task,
				"请填写采取的措施");
		this.applications.overdueCorrectionsFollowedUp(this.applications.forProcess(task.getProcessInstanceId()), notes,
				this.currentUser.id(task));
	}

}
