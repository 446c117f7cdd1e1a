package cn.certflow.audit;

import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationVariables;
import cn.certflow.security.ClientTaskVisibility;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Whose task the client's corrective actions are (issue 18 point 3): the audit's client,
 * by its credit code on the on-site audit's process, which the portal filters the
 * candidate group {@code clients} by. From our records, never from a submitted variable.
 * Reviewers and lead auditors may see it (Tasklist filter 客户待办).
 */
@Component
class AuditClientListener implements TaskListener {

	private final AuditService audits;

	private final ApplicationService applications;

	private final ClientTaskVisibility visibility;

	AuditClientListener(AuditService audits, ApplicationService applications, ClientTaskVisibility visibility) {
		this.audits = audits;
		this.applications = applications;
		this.visibility = visibility;
	}

	@Override
	public void notify(DelegateTask task) {
		String creditCode = this.applications.byId(this.audits.currentAudit(task.getExecution()).applicationId())
			.creditCode();
		ApplicationVariables.CREDIT_CODE.on(task.getExecution().getProcessInstance()).set(creditCode);
		this.visibility.showToStaff(task);
	}

}
