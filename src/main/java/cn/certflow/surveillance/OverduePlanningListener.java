package cn.certflow.surveillance;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Managers act on an audit after certification not planned by its due date
 * ({@link OverduePlanning}): recorded when the task is created, answered in words when it
 * is completed; the plan stays with the lead auditors.
 */
@Component
class OverduePlanningListener implements TaskListener {

	private final OverduePlanning overdue;

	private final CurrentUser currentUser;

	OverduePlanningListener(OverduePlanning overdue, CurrentUser currentUser) {
		this.overdue = overdue;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			this.overdue.escalate(task, CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(task).get()),
					CertificateAudit.AUDIT_DUE_DATE.from(task).get());
			return;
		}
		String notes = FormInput.requiredText(CertificateAudit.OVERDUE_PLANNING_NOTES, task, "请填写采取的措施");
		this.overdue.handled(task, notes, this.currentUser.id(task));
	}

}
