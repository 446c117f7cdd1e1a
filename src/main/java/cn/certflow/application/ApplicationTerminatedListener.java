package cn.certflow.application;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** The on-site audit was terminated (R-AUD-2): the application ends without a grade. */
@Component
class ApplicationTerminatedListener implements ExecutionListener {

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	ApplicationTerminatedListener(ApplicationService applications, CurrentUser currentUser) {
		this.applications = applications;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateExecution execution) {
		this.applications.changeStatus(this.applications.forProcess(execution.getProcessInstanceId()).number(),
				ApplicationStatus.AUDIT_TERMINATED, this.currentUser.id(), "on-site audit terminated (PCEC 8.2.5)");
	}

}
