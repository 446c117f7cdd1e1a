package cn.certflow.governance;

import static cn.certflow.governance.DecisionTableChange.APPROVAL_COMMENT;
import static cn.certflow.governance.DecisionTableChange.CHANGE_APPROVED;
import static cn.certflow.governance.DecisionTableChange.IMPACT_REVIEWED;

import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * R-GRD-DMN: the second quality manager approves or declines a version whose cases all
 * pass; recorded with who, when and the comment (a decline needs one). Approved, it is in
 * force for the next evaluation. A version older than the one already in force cannot be
 * approved (it would never be used): decline it. A version with an impact report (issue
 * 23) is approved only by someone who ticked "我已查看影响报告"; the tick is stored with the
 * approval. Whether there is a report is read from its record, not from a task variable
 * the completing caller could overwrite.
 */
@Service
class ChangeApproval {

	private final DecisionApprovals approvals;

	private final DecisionImpacts impacts;

	ChangeApproval(DecisionApprovals approvals, DecisionImpacts impacts) {
		this.approvals = approvals;
		this.impacts = impacts;
	}

	/**
	 * Decides the approval record of this process, never a process variable (issue 15).
	 */
	void decide(String processInstanceId, Boolean approved, String comment, Boolean impactReviewed, String by) {
		if (approved == null) {
			throw new InvalidInputException(CHANGE_APPROVED.getName(), "approve or decline the change");
		}
		String said = (comment != null && !comment.isBlank()) ? comment.trim() : null;
		if (!approved && said == null) {
			throw new InvalidInputException(APPROVAL_COMMENT.getName(), "say why the change is declined");
		}
		DecisionApproval approval = this.approvals.ofProcess(processInstanceId).orElseThrow();
		if (approved && !Boolean.TRUE.equals(impactReviewed)) {
			this.impacts.ofApproval(approval.id()).ifPresent((impact) -> {
				throw new InvalidInputException(IMPACT_REVIEWED.getName(),
						"批准前须查看影响报告并勾选「我已查看影响报告」（影响报告：" + impact.summary() + "）");
			});
		}
		if (approved) {
			this.approvals.inForceRecord(approval.decisionKey())
				.filter((inForce) -> inForce.version() > approval.version())
				.ifPresent((inForce) -> {
					throw new InvalidInputException(CHANGE_APPROVED.getName(),
							"v" + inForce.version() + " of " + approval.decisionKey() + " is already in force; v"
									+ approval.version() + " would never be used: decline it");
				});
		}
		boolean decided = this.approvals.decide(approval.id(),
				approved ? ApprovalStatus.APPROVED : ApprovalStatus.REJECTED, by, (said != null) ? said : "批准");
		this.approvals.recordImpactReviewed(approval.id(), impactReviewed);
		if (!decided) {
			throw new IllegalStateException("R-GRD-DMN: " + approval.decisionKey() + " v" + approval.version() + " is "
					+ approval.status() + ", not a candidate");
		}
	}

}
