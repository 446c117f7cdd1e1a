package cn.certflow.governance;

import java.time.OffsetDateTime;

import cn.certflow.grading.ApprovedDecision;

/**
 * The approval record of one deployed version of a decision table (R-GRD-DMN): the cases
 * it was checked against and their results, who proposed it and who approved or declined
 * it, when and why.
 *
 * @param id record id
 * @param decisionKey decision key
 * @param decisionName decision name as deployed
 * @param version decision definition version
 * @param definitionId decision definition id
 * @param deploymentId deployment that brought the version
 * @param deployedAt when it was deployed
 * @param status where it stands
 * @param casesSource where its cases came from: a resource of its deployment, or the
 * version whose approved cases ran
 * @param casesJson the cases that ran; the approval covers them together with the table
 * @param caseCount number of cases run
 * @param failedCount number of cases that failed (1 when the cases could not be run at
 * all)
 * @param caseResults every case's expected and actual outputs, JSON
 * @param changes what changed against the version in force, as shown to the approver
 * @param proposedBy who deployed it ({@code release} for the application's own
 * deployments)
 * @param proposedAt when the version was found and its cases run
 * @param decidedBy who approved or declined it ({@code release}, {@code system} or a
 * quality manager)
 * @param decidedAt when
 * @param comment the decider's comment or the reason of an automatic decision
 * @param reviewedBy the quality manager who took note of failed cases
 * @param reviewedAt when
 * @param reviewNote their note
 * @param processInstanceId the decision-table-change process, if one was started
 */
record DecisionApproval(long id, String decisionKey, String decisionName, int version, String definitionId,
		String deploymentId, OffsetDateTime deployedAt, ApprovalStatus status, String casesSource, String casesJson,
		int caseCount, int failedCount, String caseResults, String changes, String proposedBy,
		OffsetDateTime proposedAt, String decidedBy, OffsetDateTime decidedAt, String comment, String reviewedBy,
		OffsetDateTime reviewedAt, String reviewNote, String processInstanceId) {

	ApprovedDecision approved() {
		return new ApprovedDecision(this.decisionKey, this.version, this.definitionId);
	}

}
