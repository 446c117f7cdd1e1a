package cn.certflow.audit;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import java.util.Date;
import java.util.Map;

import cn.certflow.application.ApplicationVariables;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The reusable {@code onsite-audit} process (processes/onsite-audit.bpmn), called for
 * initial, surveillance and recertification audits. Inputs are set by the caller; outputs
 * are read back by it.
 */
public final class OnsiteAudit {

	public static final String KEY = "onsite-audit";

	/** Element ids of processes/onsite-audit.bpmn. */
	public static final class Elements {

		public static final String OPENING_MEETING = "Task_OpeningMeeting";

		public static final String EVALUATE_SERVICE_CHARACTERISTICS = "Task_EvaluateServiceCharacteristics";

		public static final String AUDIT_SERVICE_MANAGEMENT = "Task_AuditServiceManagement";

		public static final String APPROVE_TERMINATION = "Task_ApproveTermination";

		public static final String RECORD_TERMINATION = "Task_RecordTermination";

		public static final String SCORE_AUDIT = "Task_ScoreAudit";

		public static final String CLOSING_MEETING = "Task_ClosingMeeting";

		/**
		 * The client's task in the portal (issue 18 point 3), candidate group clients.
		 */
		public static final String SUBMIT_CORRECTIVE_ACTIONS = "Task_SubmitCorrectiveActions";

		/** Non-interrupting timer at the correction deadline on the client's task. */
		public static final String CORRECTIVE_ACTIONS_OVERDUE = "BoundaryEvent_CorrectiveActionsOverdue";

		public static final String HANDLE_OVERDUE_CORRECTIVE_ACTIONS = "Task_HandleOverdueCorrectiveActions";

		public static final String OVERDUE_CORRECTIVE_ACTIONS_HANDLED = "EndEvent_OverdueCorrectiveActionsHandled";

		public static final String VERIFY_CORRECTIONS = "Task_VerifyCorrections";

		/**
		 * Non-interrupting timer at the correction deadline on the lead auditor's
		 * verification: the verification is late, the reviewers are asked to act.
		 */
		public static final String VERIFICATION_OVERDUE = "BoundaryEvent_VerificationOverdue";

		public static final String HANDLE_OVERDUE_VERIFICATION = "Task_HandleOverdueVerification";

		public static final String OVERDUE_VERIFICATION_HANDLED = "EndEvent_OverdueVerificationHandled";

		public static final String AUDIT_RECOMMENDED = "EndEvent_AuditRecommended";

		public static final String AUDIT_NOT_RECOMMENDED = "EndEvent_AuditNotRecommended";

		public static final String AUDIT_TERMINATED = "EndEvent_AuditTerminated";

		private Elements() {
		}

	}

	/** Result of the audit, set by the end event reached. */
	public enum Outcome {

		RECOMMENDED, NOT_RECOMMENDED, TERMINATED

	}

	static final Map<String, Outcome> OUTCOME_BY_END_EVENT = Map.of(Elements.AUDIT_RECOMMENDED, Outcome.RECOMMENDED,
			Elements.AUDIT_NOT_RECOMMENDED, Outcome.NOT_RECOMMENDED, Elements.AUDIT_TERMINATED, Outcome.TERMINATED);

	// --- inputs and outputs: their one owner is AuditVariables (application's for the
	// application)
	public static final VariableFactory<String> APPLICATION_NUMBER = ApplicationVariables.APPLICATION_NUMBER;

	public static final VariableFactory<Long> AUDIT_ID = AuditVariables.AUDIT_ID;

	public static final VariableFactory<String> SCHEME_ID = ApplicationVariables.SCHEME_ID;

	public static final VariableFactory<String> LEAD_AUDITOR = AuditVariables.LEAD_AUDITOR;

	// --- opening meeting
	public static final VariableFactory<Boolean> PLAN_CONFIRMED = booleanVariable("planConfirmed");

	public static final VariableFactory<String> ATTENDANCE = stringVariable("attendance");

	// --- evaluations (each task writes findings; either may propose termination,
	// R-AUD-2)
	public static final VariableFactory<String> FINDINGS = stringVariable("findings");

	/**
	 * The grade table in force, rule by rule, on the scoring task (issue 20 point 12):
	 * the form's preview reads it.
	 */
	public static final VariableFactory<SpinJsonNode> GRADE_TABLE = customVariable("gradeTable", SpinJsonNode.class);

	/**
	 * Observation kinds ticked on an evaluation form (ObservationKind names), judged by
	 * the termination rules.
	 */
	public static final VariableFactory<Object> OBSERVATIONS = customVariable("observations", Object.class);

	/**
	 * The termination rules that fired (rules/audit-termination.drl), shown in Cockpit.
	 */
	public static final VariableFactory<String> TERMINATION_RULES = stringVariable("terminationRules");

	public static final VariableFactory<Boolean> PROPOSE_TERMINATION = booleanVariable("proposeTermination");

	public static final VariableFactory<String> TERMINATION_CLAUSE = stringVariable("terminationClause");

	public static final VariableFactory<String> TERMINATION_REASON = stringVariable("terminationReason");

	public static final VariableFactory<Boolean> TERMINATION_PROPOSED = booleanVariable("terminationProposed");

	public static final VariableFactory<Boolean> TERMINATION_APPROVED = booleanVariable("terminationApproved");

	public static final VariableFactory<String> TERMINATION_REVIEW_NOTES = stringVariable("terminationReviewNotes");

	// --- scoring (outputs to the caller)
	public static final VariableFactory<String> SCORE = AuditVariables.SCORE;

	public static final VariableFactory<Integer> STARS = AuditVariables.STARS;

	public static final VariableFactory<String> GRADE = AuditVariables.GRADE;

	public static final VariableFactory<String> GRADE_EXPLANATION = AuditVariables.GRADE_EXPLANATION;

	public static final VariableFactory<Integer> GRADE_DECISION_VERSION = AuditVariables.GRADE_DECISION_VERSION;

	// --- closing meeting and nonconformities, R-AUD-3
	public static final VariableFactory<Boolean> CLIENT_CONFIRMED_RECORDS = booleanVariable("clientConfirmedRecords");

	/**
	 * Who of the client confirmed the on-site records before the scoring (PCEC 8.2.4):
	 * name and position.
	 */
	public static final VariableFactory<String> RECORDS_CONFIRMED_BY = stringVariable("recordsConfirmedBy");

	/** Nonconformities raised at the closing meeting, one per line. */
	public static final VariableFactory<String> NONCONFORMITIES = stringVariable("nonconformities");

	public static final VariableFactory<Number> OPEN_NONCONFORMITIES = customVariable("openNonconformities",
			Number.class);

	public static final VariableFactory<Date> CORRECTION_DUE_DATE = dateVariable("correctionDueDate");

	/**
	 * The client's corrections and corrective actions as it submitted them in the portal
	 * (Markdown, shown on the verification form).
	 */
	public static final VariableFactory<String> CLIENT_CORRECTIVE_ACTIONS = stringVariable("clientCorrectiveActions");

	/** What the lead auditor or a reviewer did when the client let the deadline pass. */
	public static final VariableFactory<String> OVERDUE_CORRECTIVE_ACTIONS_NOTES = stringVariable(
			"overdueCorrectiveActionsNotes");

	/** What a reviewer did when the lead auditor's verification passed the deadline. */
	public static final VariableFactory<String> OVERDUE_VERIFICATION_NOTES = stringVariable("overdueVerificationNotes");

	/** CLOSED, REPEAT_AUDIT or NOT_RECOMMENDED. */
	public static final VariableFactory<String> VERIFICATION_OUTCOME = stringVariable("verificationOutcome");

	public static final VariableFactory<String> VERIFICATION_NOTES = stringVariable("verificationNotes");

	public static final VariableFactory<Boolean> CLIENT_SIGNED_RESULT = booleanVariable("clientSignedResult");

	/**
	 * Who of the client signed the written result of a repeat audit or a "do not
	 * recommend" (PCEC 8.2.4).
	 */
	public static final VariableFactory<String> CLIENT_SIGNATORY = stringVariable("clientSignatory");

	/** RECOMMENDED, NOT_RECOMMENDED or TERMINATED. */
	public static final VariableFactory<String> AUDIT_OUTCOME = AuditVariables.AUDIT_OUTCOME;

	private OnsiteAudit() {
	}

}
