package cn.certflow.audit;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The lead auditor's verification of the corrections passed the correction deadline
 * (R-AUD-3, PCEC 8.2.4: the certification body verifies the corrections within the time
 * set): what the reviewer did about it is recorded on the audit; the verification stays
 * with the lead auditor.
 */
@Component
class OverdueVerificationListener implements TaskListener {

	private final AuditService audits;

	private final CurrentUser currentUser;

	OverdueVerificationListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String notes = FormInput.requiredText(OnsiteAudit.OVERDUE_VERIFICATION_NOTES, task, "请填写采取的措施");
		this.audits.recordEvent(this.audits.currentAudit(task.getExecution()).id(), "VERIFICATION_OVERDUE", notes,
				this.currentUser.id(task));
	}

}
