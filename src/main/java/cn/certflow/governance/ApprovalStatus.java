package cn.certflow.governance;

/** Where a deployed version of a decision table stands (R-GRD-DMN). */
enum ApprovalStatus {

	/** Its regression cases pass; it waits for a second quality manager. Not used. */
	CANDIDATE,

	/**
	 * A case failed, a quality manager declined it, or its deployment was deleted. Never
	 * used.
	 */
	REJECTED,

	/**
	 * Approved (the release's baseline, an unchanged redeployment or a second quality
	 * manager): the highest is used.
	 */
	APPROVED

}
