package cn.certflow.grading;

import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/**
 * Names of the process / form variables of the scoring forms {@code audit-scoring-pcec}
 * and {@code audit-scoring-cqm}. Item variables are
 * {@code item_<id, dots as underscores>} ({@code item_A1_1}: String {@code "NA"} or
 * {@code "0"}..points) and {@code indicator_<id>} ({@code indicator_4_1_1}: number
 * 0..weight).
 */
public final class ScoringVariables {

	/**
	 * The key of the scoring form of the application's scheme
	 * ({@link Scheme#scoringFormKey()}): set by the process that plans an audit and
	 * passed into {@code onsite-audit}, whose scoring task shows it. Its one owner.
	 */
	public static final VariableFactory<String> SCORING_FORM = stringVariable("scoringForm");

	public static final String ITEM_PREFIX = "item_";

	/** Value of an item variable meaning 不适用. */
	public static final String NOT_APPLICABLE = "NA";

	/**
	 * The special deductions (PCEC 6.1), a list (form-js dynamic list) of rows
	 * {@link #ROW_KIND} ({@link SpecialDeductionKind}), {@link #ROW_DESCRIPTION},
	 * {@link #ROW_EVIDENCE}.
	 */
	public static final String DEDUCTIONS = "deductions";

	/**
	 * The special strengths (PCEC 6.1), a list of rows {@link #ROW_KIND}
	 * ({@link SpecialStrengthKind}), {@link #ROW_DESCRIPTION}, {@link #ROW_EVIDENCE}.
	 */
	public static final String STRENGTHS = "strengths";

	public static final String ROW_KIND = "kind";

	public static final String ROW_DESCRIPTION = "description";

	public static final String ROW_EVIDENCE = "evidence";

	/**
	 * Past scorings only (before issue 20.8): counts of special deductions per kind. A
	 * new scoring with a bare count is refused.
	 */
	public static final String DEDUCTIONS_LAW = "deductionsLaw";

	public static final String DEDUCTIONS_OWN_SERVICE_RULES = "deductionsOwnServiceRules";

	public static final String DEDUCTIONS_INDUSTRY = "deductionsIndustry";

	public static final String DEDUCTIONS_SERVICE_SYSTEM = "deductionsServiceSystem";

	/** Past scorings only, see {@link #DEDUCTIONS_LAW}. */
	public static final String DEDUCTION_NOTES = "deductionNotes";

	/** Past scorings only: the count of special strengths. */
	public static final String SPECIAL_STRENGTHS = "specialStrengths";

	/** Past scorings only. */
	public static final String STRENGTH_NOTES = "strengthNotes";

	public static final String INDICATOR_PREFIX = "indicator_";

	/**
	 * Whether a variable is one score of the sheet as the scoring form submits it: an
	 * item (PCEC) or an indicator (CQM).
	 */
	public static boolean isSheetScore(String name) {
		return name.startsWith(ITEM_PREFIX) || name.startsWith(INDICATOR_PREFIX);
	}

	public static final String SURVEY_SCORE = "surveyScore";

	public static final String FACE_SURVEY_SCORE = "faceSurveyScore";

	public static final String MANAGEMENT_AUDIT_PASSED = "managementAuditPassed";

	public static final String SERIOUS_NONCONFORMITIES = "seriousNonconformities";

	public static final String OPERATING_MONTHS = "operatingMonths";

	public static final String LIABILITY_ACCIDENTS_12M = "liabilityAccidents12m";

	public static final String LIABILITY_ACCIDENTS_24M = "liabilityAccidents24m";

	public static final String NEGATIVE_INFO_12M = "negativeInfo12m";

	public static final String NEGATIVE_INFO_24M = "negativeInfo24m";

	public static final String NEGATIVE_INFO_TOTAL = "negativeInfoTotal";

	public static final String MAJOR_COMPLAINTS = "majorComplaints";

	public static final String MAJOR_COMPLAINTS_UNRECTIFIED = "majorComplaintsUnrectified";

	private ScoringVariables() {
	}

}
