package cn.certflow.audit;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * CQM 5.1: the customer perception survey's result entered on this task is checked and
 * recorded on the audit, for the scoring to grade on (issue 20 point 10;
 * {@link CqmEvaluationRecords}).
 */
@Component
class CustomerSurveyListener implements TaskListener {

	private final CqmEvaluationRecords records;

	private final CurrentUser currentUser;

	CustomerSurveyListener(CqmEvaluationRecords records, CurrentUser currentUser) {
		this.records = records;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		this.records.customerSurvey(task.getExecution(), task.getVariables(), this.currentUser.id(task));
	}

}
