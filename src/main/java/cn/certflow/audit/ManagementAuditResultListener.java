package cn.certflow.audit;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * CQM 5.1: the management audit's result entered on this task is checked and recorded on
 * the audit, for the scoring to grade on (issue 20 point 10;
 * {@link CqmEvaluationRecords}).
 */
@Component
class ManagementAuditResultListener implements TaskListener {

	private final CqmEvaluationRecords records;

	private final CurrentUser currentUser;

	ManagementAuditResultListener(CqmEvaluationRecords records, CurrentUser currentUser) {
		this.records = records;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		this.records.managementAudit(task.getExecution(), task.getVariables(), this.currentUser.id(task));
	}

}
