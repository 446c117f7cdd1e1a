package cn.certflow.grading;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Service;

/**
 * Grades a scored sheet through the engine's decision service (R-GRD-DMN): the approved
 * version in force of the scheme's grading decision (not simply the latest deployed, see
 * {@link ApprovedDecisions}) is evaluated by id, so the version used is known and every
 * evaluation is in Cockpit's decision history.
 */
@Service
public class GradingService {

	/** Variables handed to the grading decisions (also the benchmarks inputs). */
	public static final String SCORE = "score";

	public static final String SPECIAL_DEDUCTIONS = "specialDeductions";

	public static final String CHARACTERISTIC_SCORE = "characteristicScore";

	public static final String MIN_INDICATOR_RATIO = "minIndicatorRatio";

	/** audit_score.explanation, certificate.grade_explanation: varchar(4000). */
	static final int EXPLANATION_LENGTH = 4000;

	private final DecisionService decisionService;

	private final ApprovedDecisions approvedDecisions;

	private final SchemeCatalog schemeCatalog;

	private final GradeExplainer explainer;

	private final GradeTablePreview preview;

	public GradingService(DecisionService decisionService, RepositoryService repositoryService,
			SchemeCatalog schemeCatalog, ApprovedDecisions approvedDecisions) {
		this.decisionService = decisionService;
		this.approvedDecisions = approvedDecisions;
		this.schemeCatalog = schemeCatalog;
		this.explainer = new GradeExplainer(repositoryService);
		this.preview = new GradeTablePreview(repositoryService);
	}

	/**
	 * The scheme's grade table in force, rule by rule, for the scoring form's live
	 * preview (issue 20 point 12): the preview computes the grade from these rows, not
	 * from thresholds of its own.
	 */
	public GradeTablePreview.Table gradeTableInForce(String schemeId) {
		return this.preview.of(this.approvedDecisions.inForce(this.schemeCatalog.get(schemeId).gradingDecisionKey()));
	}

	/**
	 * Reads the scoring form's variables, scores and grades them.
	 * @throws InvalidScoreException naming the field when a value is missing or bad
	 */
	public GradeResult grade(String schemeId, Map<String, Object> formVariables) {
		Scheme scheme = this.schemeCatalog.get(schemeId);
		ScoreInput input = ScoreSheetReader.read(scheme, formVariables);
		if (input instanceof CqmFacts facts) {
			return gradeCqm(schemeId, facts);
		}
		return gradePcec(schemeId, (PcecScoreInput) input);
	}

	/**
	 * The management audit's result entered on its task, for a scheme graded on CQM's
	 * service characteristics; empty for the other schemes (their sheet has no such row).
	 * @throws InvalidScoreException naming the field when a value is missing or bad
	 */
	public Optional<CqmEvaluationResults.ManagementAudit> managementAudit(String schemeId,
			Map<String, Object> taskVariables) {
		return gradedOnCqmCharacteristics(schemeId) ? Optional.of(ScoreSheetReader.readManagementAudit(taskVariables))
				: Optional.empty();
	}

	/**
	 * The customer perception survey entered on its record, for a scheme graded on CQM's
	 * service characteristics; empty for the other schemes.
	 * @throws InvalidScoreException naming the field when a value is missing or bad
	 */
	public Optional<CqmEvaluationResults.CustomerSurvey> customerSurvey(String schemeId,
			Map<String, Object> taskVariables) {
		return gradedOnCqmCharacteristics(schemeId) ? Optional.of(ScoreSheetReader.readCustomerSurvey(taskVariables))
				: Optional.empty();
	}

	private boolean gradedOnCqmCharacteristics(String schemeId) {
		return this.schemeCatalog.get(schemeId).scoring() == ScoringMethod.CQM_CHARACTERISTICS;
	}

	/**
	 * The variables the scheme's grading decision is given for these scoring-form values,
	 * as {@link #grade} hands them to the table: re-evaluating a past scoring under
	 * another table version (issue 23) starts from them.
	 * @throws InvalidScoreException naming the field when a value is missing or bad
	 */
	public Map<String, Object> decisionInputs(String schemeId, Map<String, Object> formVariables) {
		Scheme scheme = this.schemeCatalog.get(schemeId);
		ScoreInput input = ScoreSheetReader.readStored(scheme, formVariables);
		if (input instanceof CqmFacts facts) {
			return cqmVariables(CqmScoring.score(scheme(schemeId, ScoringMethod.CQM_CHARACTERISTICS), facts), facts);
		}
		return pcecVariables(PcecScoring.score(scheme(schemeId, ScoringMethod.GBT27922_SHEET), (PcecScoreInput) input));
	}

	/**
	 * The special deductions and strengths of a scoring as entered or stored (PCEC 6.1):
	 * each a record; none for CQM.
	 */
	public SpecialItems specialItems(String schemeId, Map<String, Object> entered) {
		ScoreInput input = ScoreSheetReader.readStored(this.schemeCatalog.get(schemeId), entered);
		return (input instanceof PcecScoreInput pcec) ? new SpecialItems(pcec.deductions(), pcec.strengths())
				: new SpecialItems(List.of(), List.of());
	}

	/** R-GRD-PCEC-1/2/3 for a GB/T 27922 scheme (PCEC, ZHHT). */
	public GradeResult gradePcec(String schemeId, PcecScoreInput input) {
		Scheme scheme = scheme(schemeId, ScoringMethod.GBT27922_SHEET);
		PcecScore score = PcecScoring.score(scheme, input);
		GradeResult result = evaluate(scheme, pcecVariables(score), score.score(), score.displayScore(), null, null);
		int budget = EXPLANATION_LENGTH - String.join("\n", result.explanation()).length() - 1;
		List<String> special = new SpecialItems(input.deductions(), input.strengths()).explanation(budget);
		if (special.isEmpty()) {
			return result;
		}
		List<String> explanation = new java.util.ArrayList<>(result.explanation());
		explanation.addAll(special);
		return new GradeResult(result.schemeId(), result.score(), result.displayScore(), result.stars(), result.grade(),
				result.decisionKey(), result.decisionVersion(), result.decisionDefinitionId(), explanation, null, null);
	}

	private static Map<String, Object> pcecVariables(PcecScore score) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(SCORE, score.score().doubleValue());
		variables.put(SPECIAL_DEDUCTIONS, score.specialDeductions());
		return variables;
	}

	/** R-GRD-CQM-1 for the CQM scheme. */
	public GradeResult gradeCqm(CqmFacts facts) {
		return gradeCqm("CQM", facts);
	}

	public GradeResult gradeCqm(String schemeId, CqmFacts facts) {
		Scheme scheme = scheme(schemeId, ScoringMethod.CQM_CHARACTERISTICS);
		CqmScore score = CqmScoring.score(scheme, facts);
		return evaluate(scheme, cqmVariables(score, facts), score.characteristicScore(),
				PcecScore.display(score.characteristicScore()), score.characteristicScore(), score.minIndicatorRatio());
	}

	private static Map<String, Object> cqmVariables(CqmScore score, CqmFacts facts) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put(CHARACTERISTIC_SCORE, score.characteristicScore().doubleValue());
		variables.put(MIN_INDICATOR_RATIO, score.minIndicatorRatio().doubleValue());
		variables.put(ScoringVariables.MANAGEMENT_AUDIT_PASSED, facts.managementAuditPassed());
		variables.put(ScoringVariables.SERIOUS_NONCONFORMITIES, facts.seriousNonconformities());
		variables.put(ScoringVariables.SURVEY_SCORE, facts.surveyScore().doubleValue());
		variables.put(ScoringVariables.FACE_SURVEY_SCORE, facts.faceSurveyScore().doubleValue());
		variables.put(ScoringVariables.OPERATING_MONTHS, facts.operatingMonths());
		variables.put(ScoringVariables.LIABILITY_ACCIDENTS_12M, facts.liabilityAccidents12m());
		variables.put(ScoringVariables.LIABILITY_ACCIDENTS_24M, facts.liabilityAccidents24m());
		variables.put(ScoringVariables.NEGATIVE_INFO_12M, facts.negativeInfo12m());
		variables.put(ScoringVariables.NEGATIVE_INFO_24M, facts.negativeInfo24m());
		variables.put(ScoringVariables.NEGATIVE_INFO_TOTAL, facts.negativeInfoTotal());
		variables.put(ScoringVariables.MAJOR_COMPLAINTS, facts.majorComplaints());
		variables.put(ScoringVariables.MAJOR_COMPLAINTS_UNRECTIFIED, facts.majorComplaintsUnrectified());
		return variables;
	}

	private Scheme scheme(String schemeId, ScoringMethod expected) {
		Scheme scheme = this.schemeCatalog.get(schemeId);
		if (scheme.scoring() != expected) {
			throw new IllegalArgumentException(
					"Scheme " + schemeId + " is scored by " + scheme.scoring() + ", not " + expected);
		}
		return scheme;
	}

	private GradeResult evaluate(Scheme scheme, Map<String, Object> variables, BigDecimal score, String displayScore,
			BigDecimal characteristicScore, BigDecimal minIndicatorRatio) {
		String key = scheme.gradingDecisionKey();
		ApprovedDecision definition = this.approvedDecisions.inForce(key);
		DmnDecisionTableResult result = this.decisionService.evaluateDecisionTableById(definition.definitionId())
			.variables(variables)
			.evaluate();
		DmnDecisionRuleResult first = result.getFirstResult();
		if (first == null) {
			throw new IllegalStateException(
					"Decision " + key + " v" + definition.version() + " matched no rule for " + variables);
		}
		Number stars = first.getEntry("stars");
		if (stars == null) {
			throw new IllegalStateException("Decision " + key + " v" + definition.version() + " gave no stars");
		}
		String grade = first.getEntry("grade");
		if (grade == null) {
			grade = scheme.labels().get(stars.intValue());
		}
		List<String> explanation = this.explainer.explain(definition.definitionId(), variables);
		return new GradeResult(scheme.id(), score, displayScore, stars.intValue(), grade, key, definition.version(),
				definition.definitionId(), explanation, characteristicScore, minIndicatorRatio);
	}

}
