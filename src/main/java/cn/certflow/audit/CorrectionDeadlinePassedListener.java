package cn.certflow.audit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The client's correction deadline passed (R-AUD-3): when the overdue task reaches the
 * lead auditor, the audit records it and the client is told (issue 18 point 6).
 */
@Component
class CorrectionDeadlinePassedListener implements TaskListener {

	private final NonconformityCorrection correction;

	CorrectionDeadlinePassedListener(NonconformityCorrection correction) {
		this.correction = correction;
	}

	@Override
	public void notify(DelegateTask task) {
		this.correction.deadlinePassed(task.getExecution());
	}

}
