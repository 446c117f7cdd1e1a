package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.ATTENDANCE;
import static cn.certflow.audit.OnsiteAudit.PLAN_CONFIRMED;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Opening meeting (R-AUD-1, PCEC 8.2.1): plan confirmed, attendance recorded; the audit
 * is under way.
 */
@Component
class OpeningMeetingListener implements TaskListener {

	private final AuditService audits;

	private final CurrentUser currentUser;

	OpeningMeetingListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!Boolean.TRUE.equals(PLAN_CONFIRMED.from(task).getOrNull())) {
			throw new InvalidInputException(PLAN_CONFIRMED.getName(), "the client must confirm the audit plan");
		}
		String attendance = FormInput.requiredText(ATTENDANCE, task, "record who attended");
		long auditId = this.audits.currentAudit(task.getExecution()).id();
		String by = this.currentUser.id(task);
		this.audits.recordEvent(auditId, "OPENING_MEETING", "attendance: " + attendance, by);
		this.audits.changeStatus(auditId, AuditStatus.IN_PROGRESS, null, by, "opening meeting held");
		OnsiteAudit.TERMINATION_PROPOSED.on(task).set(false);
		// a repeat audit starts with a clean closing-meeting form
		OnsiteAudit.NONCONFORMITIES.on(task).remove();
	}

}
