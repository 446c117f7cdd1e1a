package cn.certflow.governance;

import cn.certflow.security.Groups;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

/**
 * Four eyes on a decision table change (R-GRD-DMN), enforced in the engine like R-DEC-1:
 * the quality manager who deployed a version may neither be assigned nor complete its
 * approval, and only a signed-in quality manager may approve. Thrown as an
 * AuthorizationException, so Tasklist and the REST API answer 403 and the claim or
 * completion is rolled back.
 */
@Service
class FourEyes {

	private final IdentityService identity;

	private final DecisionApprovals approvals;

	FourEyes(IdentityService identity, DecisionApprovals approvals) {
		this.identity = identity;
		this.approvals = approvals;
	}

	/**
	 * Checks the person assigned or completing the approval of the version deployed in
	 * this process; who deployed it from its approval record, never from a process
	 * variable (issue 15).
	 * @param person the assignee on assignment, the current user on completion
	 * @param completing whether the task is being completed
	 * @param assignee the task's assignee
	 */
	void check(String processInstanceId, String person, boolean completing, String assignee) {
		DecisionApproval approval = this.approvals.ofProcess(processInstanceId).orElseThrow();
		String proposedBy = approval.proposedBy();
		String what = approval.decisionKey() + " v" + approval.version();
		if (person == null) {
			return;
		}
		if (person.equals(proposedBy)) {
			throw new AuthorizationException("R-GRD-DMN: " + person + " deployed " + what
					+ " and may not approve it; a second quality manager must (four eyes)");
		}
		if (completing) {
			if (CurrentUser.SYSTEM.equals(person)) {
				throw new AuthorizationException("R-GRD-DMN: approving " + what + " needs a signed-in quality manager");
			}
			if (this.identity.createUserQuery().userId(person).memberOfGroup(Groups.QUALITY_MANAGERS).count() == 0) {
				throw new AuthorizationException(
						"R-GRD-DMN: " + person + " is not a quality manager and may not approve " + what);
			}
			if (proposedBy.equals(assignee)) {
				throw new AuthorizationException(
						"R-GRD-DMN: the task is assigned to " + assignee + ", who deployed " + what);
			}
		}
	}

}
