package cn.certflow.governance;

import cn.certflow.security.Groups;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on a decision table change (R-GRD-DMN), enforced in the engine like R-DEC-1:
 * the quality manager who deployed a version may neither be assigned nor complete its
 * approval, and only a quality manager may approve. Thrown as an AuthorizationException,
 * so Tasklist and the REST API answer 403 and the claim or completion is rolled back.
 */
@Component
class SecondApproverListener implements TaskListener {

	private final CurrentUser currentUser;

	private final IdentityService identity;

	private final DecisionApprovals approvals;

	SecondApproverListener(CurrentUser currentUser, IdentityService identity, DecisionApprovals approvals) {
		this.currentUser = currentUser;
		this.identity = identity;
		this.approvals = approvals;
	}

	@Override
	public void notify(DelegateTask task) {
		// who deployed the version, from its approval record, never from a process
		// variable (issue 15)
		DecisionApproval approval = this.approvals.ofProcess(task.getProcessInstanceId()).orElseThrow();
		String proposedBy = approval.proposedBy();
		String what = approval.decisionKey() + " v" + approval.version();
		String person = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
				: this.currentUser.id(task);
		if (person == null) {
			return;
		}
		if (person.equals(proposedBy)) {
			throw new AuthorizationException("R-GRD-DMN: " + person + " deployed " + what
					+ " and may not approve it; a second quality manager must (four eyes)");
		}
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			if (CurrentUser.SYSTEM.equals(person)) {
				throw new AuthorizationException("R-GRD-DMN: approving " + what + " needs a signed-in quality manager");
			}
			if (this.identity.createUserQuery().userId(person).memberOfGroup(Groups.QUALITY_MANAGERS).count() == 0) {
				throw new AuthorizationException(
						"R-GRD-DMN: " + person + " is not a quality manager and may not approve " + what);
			}
			if (proposedBy.equals(task.getAssignee())) {
				throw new AuthorizationException(
						"R-GRD-DMN: the task is assigned to " + task.getAssignee() + ", who deployed " + what);
			}
		}
	}

}
