package cn.certflow.audit;

import static io.holunda.camunda.bpm.data.CamundaBpmData.customVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.longVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * The one owner of the variables that cross into and out of {@code onsite-audit}: what a
 * calling process ({@code initial-certification}, {@code certificate-audit}) plans on its
 * plan form ({@link AuditPlanning}) and passes in, and what the audit hands back. The
 * process classes refer to these; no other class declares their names.
 */
public final class AuditVariables {

	// --- the plan form of either caller, passed into onsite-audit (R-PLAN-1/2)
	/** Person-days from {@code audit-time} (a DMN result or set by the caller). */
	public static final VariableFactory<Number> PERSON_DAYS = customVariable("personDays", Number.class);

	public static final VariableFactory<String> LEAD_AUDITOR = stringVariable("leadAuditor");

	/**
	 * Audit team including the lead auditor, comma separated (candidate users of the
	 * audit tasks).
	 */
	public static final VariableFactory<String> AUDIT_TEAM_MEMBERS = stringVariable("auditTeamMembers");

	/** The planned first day of the audit (yyyy-MM-dd). */
	public static final VariableFactory<String> PLANNED_DATE = stringVariable("plannedDate");

	/** Our record of the planned audit, which the audit's steps find their audit by. */
	public static final VariableFactory<Long> AUDIT_ID = longVariable("auditId");

	// --- handed back to the caller
	/** {@link OnsiteAudit.Outcome} name: RECOMMENDED, NOT_RECOMMENDED or TERMINATED. */
	public static final VariableFactory<String> AUDIT_OUTCOME = stringVariable("auditOutcome");

	public static final VariableFactory<String> SCORE = stringVariable("score");

	public static final VariableFactory<Integer> STARS = intVariable("stars");

	public static final VariableFactory<String> GRADE = stringVariable("grade");

	public static final VariableFactory<String> GRADE_EXPLANATION = stringVariable("gradeExplanation");

	public static final VariableFactory<Integer> GRADE_DECISION_VERSION = intVariable("gradeDecisionVersion");

	private AuditVariables() {
	}

}
