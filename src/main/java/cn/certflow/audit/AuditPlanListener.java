package cn.certflow.audit;

import cn.certflow.application.ApplicationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The lead auditor's plan of the initial audit: team and date recorded, so that R-DEC-1
 * can be enforced later (R-PLAN-2).
 */
@Component
class AuditPlanListener implements TaskListener {

	private final AuditPlanning planning;

	private final ApplicationService applications;

	AuditPlanListener(AuditPlanning planning, ApplicationService applications) {
		this.planning = planning;
		this.applications = applications;
	}

	@Override
	public void notify(DelegateTask task) {
		this.planning.plan(task, "INITIAL", this.applications.forProcess(task.getProcessInstanceId()));
	}

}
