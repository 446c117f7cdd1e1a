package cn.certflow.governance;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The {@code decision-table-change} process (processes/decision-table-change.bpmn,
 * R-GRD-DMN): started for every newly deployed version of a decision table once its
 * regression cases have run. Failed cases go to the quality managers; passing ones wait
 * for a second quality manager, never the one who deployed the version.
 */
public final class DecisionTableChange {

	public static final String KEY = "decision-table-change";

	/** Element ids of processes/decision-table-change.bpmn. */
	public static final class Elements {

		public static final String REVIEW_FAILED_CASES = "Task_ReviewFailedCases";

		public static final String APPROVE_CHANGE = "Task_ApproveChange";

		public static final String CHANGE_REJECTED = "EndEvent_ChangeRejected";

		public static final String CHANGE_APPLIED = "EndEvent_ChangeApplied";

		public static final String CHANGE_DECLINED = "EndEvent_ChangeDeclined";

		private Elements() {
		}

	}

	/** Result of the regression cases, routed by the first gateway. */
	public enum CaseOutcome {

		PASSED, FAILED

	}

	// --- set when the process starts
	static final VariableFactory<Long> APPROVAL_ID = longVariable("approvalId");

	public static final VariableFactory<String> DECISION_KEY = stringVariable("decisionKey");

	static final VariableFactory<String> DECISION_NAME = stringVariable("decisionName");

	public static final VariableFactory<Integer> DECISION_VERSION = intVariable("decisionVersion");

	static final VariableFactory<String> DECISION_DEFINITION_ID = stringVariable("decisionDefinitionId");

	/** Who deployed the version; may not approve it. */
	public static final VariableFactory<String> PROPOSED_BY = stringVariable("proposedBy");

	/** Version in force when the cases ran, 0 when none. */
	static final VariableFactory<Integer> IN_FORCE_VERSION = intVariable("inForceVersion");

	/** A {@link CaseOutcome} name. */
	public static final VariableFactory<String> CASE_OUTCOME = stringVariable("caseOutcome");

	static final VariableFactory<String> CASE_SUMMARY = stringVariable("caseSummary");

	/** Every failing case with expected vs actual (or every passing case). */
	public static final VariableFactory<String> CASE_REPORT = stringVariable("caseReport");

	static final VariableFactory<String> CASES_SOURCE = stringVariable("casesSource");

	/** Cell-by-cell changes against the version in force, and case changes. */
	static final VariableFactory<String> CHANGES = stringVariable("changes");

	// --- impact report (issue 23), set when the version in force has past evaluations to
	// compare with
	/**
	 * "12 次评级中 3 次会改变；…" — absent when there is no report (no version in force, cases
	 * failed).
	 */
	static final VariableFactory<String> IMPACT_SUMMARY = stringVariable("impactSummary");

	static final VariableFactory<Integer> IMPACT_EVALUATED = intVariable("impactEvaluated");

	static final VariableFactory<Integer> IMPACT_CHANGED = intVariable("impactChanged");

	/**
	 * Every change, one per line, cut to fit the form; the full list is on the staff
	 * page.
	 */
	static final VariableFactory<String> IMPACT_LIST = stringVariable("impactList");

	/** The staff page with the full list. */
	static final VariableFactory<String> IMPACT_URL = stringVariable("impactUrl");

	// --- approval form
	static final VariableFactory<Boolean> CHANGE_APPROVED = booleanVariable("changeApproved");

	/**
	 * "我已查看影响报告": required to approve a version that has an impact report; stored with
	 * the approval.
	 */
	static final VariableFactory<Boolean> IMPACT_REVIEWED = booleanVariable("impactReviewed");

	static final VariableFactory<String> APPROVAL_COMMENT = stringVariable("approvalComment");

	// --- failed cases form
	static final VariableFactory<String> REVIEW_NOTE = stringVariable("reviewNote");

	private DecisionTableChange() {
	}

}
