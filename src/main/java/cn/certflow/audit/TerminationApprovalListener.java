package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.TERMINATION_APPROVED;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_PROPOSED;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_REVIEW_NOTES;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The CB (quality managers) reviews a proposed termination ({@link TerminationReview},
 * R-AUD-2, PCEC 8.2.4); a declined proposal no longer stands.
 */
@Component
class TerminationApprovalListener implements TaskListener {

	private final TerminationReview review;

	private final AuditService audits;

	private final CurrentUser currentUser;

	TerminationApprovalListener(TerminationReview review, AuditService audits, CurrentUser currentUser) {
		this.review = review;
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean stands = this.review.review(this.audits.currentAudit(task.getExecution()).id(),
				TERMINATION_APPROVED.from(task).getOrNull(), TERMINATION_REVIEW_NOTES.from(task).getOrNull(),
				this.currentUser.id(task));
		TERMINATION_PROPOSED.on(task).set(stands);
	}

}
