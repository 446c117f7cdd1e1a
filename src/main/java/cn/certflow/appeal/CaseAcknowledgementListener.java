package cn.certflow.appeal;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The case is acknowledged to the person who raised it, in writing (R-APL-1;
 * {@link CaseAcknowledgement}).
 */
@Component
class CaseAcknowledgementListener implements TaskListener {

	private final CaseAcknowledgement acknowledgement;

	private final CurrentUser currentUser;

	CaseAcknowledgementListener(CaseAcknowledgement acknowledgement, CurrentUser currentUser) {
		this.acknowledgement = acknowledgement;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String text = FormInput.requiredText(AppealComplaint.ACKNOWLEDGEMENT_TEXT, task,
				"write the acknowledgement sent to the complainant");
		// the case is the process's business key, never a process variable (issue 15)
		this.acknowledgement.acknowledge(task.getExecution().getProcessBusinessKey(), text, this.currentUser.id(task),
				StatusHistory.Process.of(task));
	}

}
