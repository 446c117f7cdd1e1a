package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.TERMINATION_APPROVED;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_REVIEW_NOTES;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The CB (quality managers) reviews a proposed termination (R-AUD-2, PCEC 8.2.4):
 * approved or declined, recorded.
 */
@Component
class TerminationApprovalListener implements TaskListener {

	private final AuditService audits;

	private final CurrentUser currentUser;

	TerminationApprovalListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		Boolean approved = TERMINATION_APPROVED.from(task).getOrNull();
		if (approved == null) {
			throw new InvalidInputException(TERMINATION_APPROVED.getName(), "approve or decline the termination");
		}
		String notes = TERMINATION_REVIEW_NOTES.from(task).getOrNull();
		if (!approved && (notes == null || notes.isBlank())) {
			throw new InvalidInputException(TERMINATION_REVIEW_NOTES.getName(), "say why the audit should continue");
		}
		this.audits.recordEvent(this.audits.currentAudit(task.getExecution()).id(),
				approved ? "TERMINATION_APPROVED" : "TERMINATION_DECLINED", notes, this.currentUser.id(task));
		if (!approved) {
			OnsiteAudit.TERMINATION_PROPOSED.on(task).set(false);
		}
	}

}
