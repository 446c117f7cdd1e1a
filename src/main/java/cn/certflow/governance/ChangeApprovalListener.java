package cn.certflow.governance;

import static cn.certflow.governance.DecisionTableChange.APPROVAL_COMMENT;
import static cn.certflow.governance.DecisionTableChange.CHANGE_APPROVED;
import static cn.certflow.governance.DecisionTableChange.IMPACT_REVIEWED;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The second quality manager's approval of a decision table version (R-GRD-DMN;
 * {@link ChangeApproval}).
 */
@Component
class ChangeApprovalListener implements TaskListener {

	private final ChangeApproval approval;

	private final CurrentUser currentUser;

	ChangeApprovalListener(ChangeApproval approval, CurrentUser currentUser) {
		this.approval = approval;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		this.approval.decide(task.getProcessInstanceId(), CHANGE_APPROVED.from(task).getOrNull(),
				APPROVAL_COMMENT.from(task).getOrNull(), IMPACT_REVIEWED.from(task).getOrNull(),
				this.currentUser.id(task));
	}

}
