package cn.certflow.audit;

import java.util.Map;
import java.util.TreeMap;

import cn.certflow.grading.GradeResult;
import cn.certflow.grading.ScoringVariables;
import cn.certflow.system.EngineTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Keeps each scoring of an audit: the item scores as entered, the result and the table
 * version used.
 */
@Component
class AuditScoring {

	/**
	 * The scoring forms' variables (grading's names): sheet items, CQM indicators,
	 * deductions and facts.
	 */
	private static final String[] SCORE_PREFIXES = { ScoringVariables.ITEM_PREFIX, ScoringVariables.INDICATOR_PREFIX,
			"deductions", ScoringVariables.DEDUCTION_NOTES, ScoringVariables.SPECIAL_STRENGTHS,
			ScoringVariables.STRENGTH_NOTES, ScoringVariables.SURVEY_SCORE, ScoringVariables.FACE_SURVEY_SCORE,
			ScoringVariables.MANAGEMENT_AUDIT_PASSED, ScoringVariables.SERIOUS_NONCONFORMITIES,
			ScoringVariables.OPERATING_MONTHS, "liabilityAccidents", "negativeInfo", "majorComplaints" };

	private final AuditRepository audits;

	private final ObjectMapper json;

	AuditScoring(AuditRepository audits, ObjectMapper json) {
		this.audits = audits;
		this.json = json;
	}

	void record(long auditId, GradeResult result, Map<String, Object> variables, String scoredBy) {
		Map<String, Object> entered = new TreeMap<>();
		variables.forEach((name, value) -> {
			for (String prefix : SCORE_PREFIXES) {
				if (name.startsWith(prefix)) {
					entered.put(name,
							(value instanceof Number || value instanceof Boolean) ? value : String.valueOf(value));
				}
			}
		});
		this.audits.recordScore(new AuditScore(auditId, result.schemeId(), result.score(), result.stars(),
				result.grade(), result.decisionKey(), result.decisionVersion(), String.join("\n", result.explanation()),
				scoredBy, EngineTime.now()), toJson(entered));
	}

	private String toJson(Map<String, Object> entered) {
		try {
			return this.json.writeValueAsString(entered);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
