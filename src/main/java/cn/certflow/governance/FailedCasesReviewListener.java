package cn.certflow.governance;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A quality manager has read the failing cases of a rejected version (R-GRD-DMN): who,
 * when and their note.
 */
@Component
class FailedCasesReviewListener implements TaskListener {

	private final DecisionApprovals approvals;

	private final CurrentUser currentUser;

	FailedCasesReviewListener(DecisionApprovals approvals, CurrentUser currentUser) {
		this.approvals = approvals;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String note = DecisionTableChange.REVIEW_NOTE.from(task).getOrNull();
		// the approval record of this process, never a process variable (issue 15)
		this.approvals.reviewed(this.approvals.ofProcess(task.getProcessInstanceId()).orElseThrow().id(),
				this.currentUser.id(task), (note != null && !note.isBlank()) ? note.trim() : null);
	}

}
