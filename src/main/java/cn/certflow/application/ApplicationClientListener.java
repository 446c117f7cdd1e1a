package cn.certflow.application;

import cn.certflow.security.ClientTaskVisibility;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Whose task the corrected documents are (issue 18 point 3): the applicant's, by the
 * credit code of the application on record (not the start form's variable), which the
 * portal filters the candidate group {@code clients} by; reviewers and lead auditors may
 * see it (Tasklist filter 客户待办).
 */
@Component
class ApplicationClientListener implements TaskListener {

	private final ApplicationService applications;

	private final ClientTaskVisibility visibility;

	ApplicationClientListener(ApplicationService applications, ClientTaskVisibility visibility) {
		this.applications = applications;
		this.visibility = visibility;
	}

	@Override
	public void notify(DelegateTask task) {
		ApplicationVariables.CREDIT_CODE.on(task.getExecution().getProcessInstance())
			.set(this.applications.forProcess(task.getProcessInstanceId()).creditCode());
		this.visibility.showToStaff(task);
	}

}
