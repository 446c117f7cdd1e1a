package cn.certflow.audit;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The client let the correction deadline pass (issue 18 point 3, R-AUD-3): what the lead
 * auditor or a reviewer did about it is recorded on the audit; the client's task stays
 * open.
 */
@Component
class OverdueCorrectiveActionsListener implements TaskListener {

	private final AuditService audits;

	private final CurrentUser currentUser;

	OverdueCorrectiveActionsListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String notes = FormInput.requiredText(OnsiteAudit.OVERDUE_CORRECTIVE_ACTIONS_NOTES, task, "请填写采取的措施");
		this.audits.recordEvent(this.audits.currentAudit(task.getExecution()).id(), "CORRECTIVE_ACTIONS_OVERDUE", notes,
				this.currentUser.id(task));
	}

}
