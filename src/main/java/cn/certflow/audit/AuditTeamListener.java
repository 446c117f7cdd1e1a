package cn.certflow.audit;

import cn.certflow.application.ApplicationService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The audit team of an initial certification, appointed before the document review it
 * does (PCEC 8.1, issue 20.3; {@link AuditPlanning#appointTeam}).
 */
@Component
class AuditTeamListener implements TaskListener {

	private final AuditPlanning planning;

	private final ApplicationService applications;

	AuditTeamListener(AuditPlanning planning, ApplicationService applications) {
		this.planning = planning;
		this.applications = applications;
	}

	@Override
	public void notify(DelegateTask task) {
		this.planning.appointTeam(task, this.applications.forProcess(task.getProcessInstanceId()));
	}

}
