package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.CLIENT_CONFIRMED_RECORDS;
import static cn.certflow.audit.OnsiteAudit.NONCONFORMITIES;

import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Closing meeting (R-AUD-1): the client confirms the records; each nonconformity raised
 * gets a 30-day correction deadline (R-AUD-3), which becomes the due date of the
 * verification task. At the closing meeting of a repeat audit, earlier nonconformities
 * not raised again count as closed.
 */
@Component
class ClosingMeetingListener implements TaskListener {

	private final AuditService audits;

	private final CurrentUser currentUser;

	ClosingMeetingListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		if (!Boolean.TRUE.equals(CLIENT_CONFIRMED_RECORDS.from(task).getOrNull())) {
			throw new InvalidInputException(CLIENT_CONFIRMED_RECORDS.getName(),
					"the client must confirm the audit records");
		}
		long auditId = this.audits.currentAudit(task.getExecution()).id();
		String by = this.currentUser.id(task);
		List<String> nonconformities = FormInput.lines(NONCONFORMITIES, task, 2000); // nonconformity.description
		// A repeat audit re-checks earlier nonconformities on site: what is not raised
		// again is closed.
		int reverified = this.audits.closeNonconformities(auditId, by);
		this.audits.recordEvent(auditId, "CLOSING_MEETING", nonconformities.size() + " nonconformities raised"
				+ ((reverified > 0) ? ", " + reverified + " earlier ones closed on site" : ""), by);
		if (!nonconformities.isEmpty()) {
			OffsetDateTime due = this.audits.raiseNonconformities(auditId, nonconformities);
			OnsiteAudit.CORRECTION_DUE_DATE.on(task).set(EngineTime.toDate(due));
			this.audits.changeStatus(auditId, AuditStatus.AWAITING_CORRECTIONS, null, by,
					nonconformities.size() + " nonconformities to correct by " + due.toLocalDate());
		}
		OnsiteAudit.OPEN_NONCONFORMITIES.on(task).set(this.audits.openNonconformities(auditId));
	}

}
