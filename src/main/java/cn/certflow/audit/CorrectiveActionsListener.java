package cn.certflow.audit;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The client's corrective actions for the nonconformities (issue 18, R-AUD-3), as
 * answered in the portal: required, recorded as an audit event with who answered; the
 * lead auditor sees them in the verification that follows.
 */
@Component
class CorrectiveActionsListener implements TaskListener {

	private final AuditService audits;

	private final CurrentUser currentUser;

	CorrectiveActionsListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String actions = FormInput.requiredText(OnsiteAudit.CORRECTIVE_ACTIONS, task, "请逐项说明每个不符合项的整改措施，并在申请页上传证据");
		this.audits.recordEvent(this.audits.currentAudit(task.getExecution()).id(), "CORRECTIVE_ACTIONS", actions,
				this.currentUser.id(task));
	}

}
