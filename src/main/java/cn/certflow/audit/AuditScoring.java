package cn.certflow.audit;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import cn.certflow.application.ApplicationService;
import cn.certflow.grading.GradeResult;
import cn.certflow.grading.GradingService;
import cn.certflow.grading.ScoringVariables;
import cn.certflow.grading.SpecialDeduction;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
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
			ScoringVariables.STRENGTH_NOTES, ScoringVariables.STRENGTHS, ScoringVariables.SURVEY_SCORE,
			ScoringVariables.FACE_SURVEY_SCORE, ScoringVariables.MANAGEMENT_AUDIT_PASSED,
			ScoringVariables.SERIOUS_NONCONFORMITIES, ScoringVariables.OPERATING_MONTHS, "liabilityAccidents",
			"negativeInfo", "majorComplaints" };

	/** The length of the form field {@code recordsConfirmedBy}. */
	static final int CONFIRMED_BY_LENGTH = 100;

	private final AuditRepository audits;

	private final ObjectMapper json;

	private final AuditService auditService;

	private final ApplicationService applications;

	private final GradingService grading;

	AuditScoring(AuditRepository audits, ObjectMapper json, AuditService auditService, ApplicationService applications,
			GradingService grading) {
		this.audits = audits;
		this.json = json;
		this.auditService = auditService;
		this.applications = applications;
		this.grading = grading;
	}

	/**
	 * The client's confirmation of the on-site records as the scoring form states it:
	 * ticked, and by whom (name and position).
	 */
	record RecordsConfirmation(boolean confirmed, String confirmedBy) {
	}

	/**
	 * Grades the process's current audit on its scheme's sheet and table (R-GRD-*), and
	 * records the result; a bad score is refused. The audit and its scheme come from our
	 * records: the scheme decides the sheet and the grade table. PCEC 8.2.4 orders the
	 * steps: the client confirms the on-site records, then they are scored against the
	 * sheet — a scoring without the confirmation and the name of who confirmed is
	 * refused, and the confirmation is recorded before the score.
	 */
	GradeResult grade(DelegateExecution execution, Map<String, Object> entered, RecordsConfirmation confirmation,
			String scoredBy) {
		if (!confirmation.confirmed()) {
			throw new InvalidInputException(OnsiteAudit.CLIENT_CONFIRMED_RECORDS.getName(),
					"受审查方须先确认现场审查记录，才能评分（PCEC 8.2.4）");
		}
		String confirmedBy = (confirmation.confirmedBy() != null) ? confirmation.confirmedBy().trim() : "";
		if (confirmedBy.isEmpty() || confirmedBy.length() > CONFIRMED_BY_LENGTH) {
			throw new InvalidInputException(OnsiteAudit.RECORDS_CONFIRMED_BY.getName(),
					"请填写确认现场记录的受审查方代表（1–" + CONFIRMED_BY_LENGTH + " 个字）");
		}
		AuditRecord audit = this.auditService.currentAudit(execution);
		this.auditService.recordEvent(audit.id(), "RECORDS_CONFIRMED", "受审查方代表 " + confirmedBy + " 确认了现场审查记录",
				scoredBy);
		String schemeId = this.applications.byId(audit.applicationId()).schemeId();
		GradeResult result = this.grading.grade(schemeId, entered);
		record(audit.id(), result, entered, scoredBy);
		// PCEC 6.1: each special deduction "应进行整改" — a nonconformity of the audit
		this.auditService.raiseSpecialDeductions(audit.id(),
				this.grading.specialItems(schemeId, entered)
					.deductions()
					.stream()
					.map(SpecialDeduction::asNonconformity)
					.toList(),
				scoredBy);
		return result;
	}

	/**
	 * The grade table in force for the scheme of the process's current audit, as the
	 * scoring form's preview reads it (issue 20 point 12), in JSON.
	 */
	SpinJsonNode gradeTableInForce(DelegateExecution execution) {
		String schemeId = this.applications.byId(this.auditService.currentAudit(execution).applicationId()).schemeId();
		try {
			return org.camunda.spin.Spin.JSON(this.json.writeValueAsString(this.grading.gradeTableInForce(schemeId)));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void record(long auditId, GradeResult result, Map<String, Object> variables, String scoredBy) {
		Map<String, Object> entered = new TreeMap<>();
		variables.forEach((name, value) -> {
			for (String prefix : SCORE_PREFIXES) {
				if (name.startsWith(prefix)) {
					entered.put(name, stored(value));
				}
			}
		});
		this.audits.recordScore(new AuditScore(auditId, result.schemeId(), result.score(), result.stars(),
				result.grade(), result.decisionKey(), result.decisionVersion(), String.join("\n", result.explanation()),
				scoredBy, EngineTime.now()), toJson(entered));
	}

	/**
	 * Numbers and booleans as they are, lists (special items) as JSON, the rest as text.
	 */
	private Object stored(Object value) {
		if (value instanceof Number || value instanceof Boolean || value instanceof Collection<?>
				|| value instanceof Map<?, ?>) {
			return value;
		}
		if (value instanceof SpinJsonNode spin) {
			try {
				return this.json.readTree(spin.toString());
			}
			catch (JsonProcessingException ex) {
				return spin.toString();
			}
		}
		return String.valueOf(value);
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
