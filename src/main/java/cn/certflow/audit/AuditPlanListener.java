package cn.certflow.audit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The lead auditor's plan of the initial audit: team and date recorded, so that R-DEC-1 can be enforced later (R-PLAN-2). */
@Component
class AuditPlanListener implements TaskListener {

	private final AuditPlanning planning;

	AuditPlanListener(AuditPlanning planning) {
		this.planning = planning;
	}

	@Override
	public void notify(DelegateTask task) {
		this.planning.plan(task, "INITIAL");
	}

}
