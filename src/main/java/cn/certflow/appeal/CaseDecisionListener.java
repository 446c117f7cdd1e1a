package cn.certflow.appeal;

import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The decision on a case, with reasons for the complainant (R-APL-1, R-SUR-2;
 * {@link CaseDecision}).
 */
@Component
class CaseDecisionListener implements TaskListener {

	private final CaseDecision decision;

	private final CurrentUser currentUser;

	CaseDecisionListener(CaseDecision decision, CurrentUser currentUser) {
		this.decision = decision;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(AppealComplaint.OUTCOME, task,
				Set.of(AppealComplaint.UPHELD, AppealComplaint.DISMISSED));
		String reasons = FormInput.requiredText(AppealComplaint.OUTCOME_REASONS, task,
				"the outcome is communicated with its reasons");
		boolean atFault = Boolean.TRUE.equals(AppealComplaint.CLIENT_AT_FAULT.from(task).getOrNull());
		this.decision.decide(task.getExecution().getProcessBusinessKey(), outcome, reasons, atFault,
				this.currentUser.id(task), StatusHistory.Process.of(task));
		AppealComplaint.CLIENT_AT_FAULT.on(task).set(atFault);
	}

}
