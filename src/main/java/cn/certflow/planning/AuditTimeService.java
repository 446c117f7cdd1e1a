package cn.certflow.planning;

import java.util.Map;

import cn.certflow.grading.ApprovedDecision;
import cn.certflow.grading.ApprovedDecisions;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * R-PLAN-1: audit person-days from the {@code audit-time} DMN table (PCEC 15), evaluated
 * by the engine so quality managers' edits apply and each evaluation is in the history.
 * The version evaluated is the approved one in force (R-GRD-DMN,
 * {@link ApprovedDecisions}).
 */
@Service
public class AuditTimeService {

	/**
	 * Decision key; a business rule task uses it with variables headcount and auditType.
	 */
	public static final String DECISION_KEY = "audit-time";

	static final String HEADCOUNT = "headcount";

	static final String AUDIT_TYPE = "auditType";

	static final String PERSON_DAYS = "personDays";

	private final DecisionService decisionService;

	private final ApprovedDecisions approvedDecisions;

	public AuditTimeService(DecisionService decisionService, ApprovedDecisions approvedDecisions) {
		this.decisionService = decisionService;
		this.approvedDecisions = approvedDecisions;
	}

	/**
	 * Person-days for an audit of this type of an organisation with this many people in
	 * scope.
	 * @throws BadUserRequestException naming {@code headcount} when it is below 1 or no
	 * band covers it
	 */
	public int personDays(int headcount, AuditType type) {
		if (headcount < 1) {
			throw new BadUserRequestException("headcount must be at least 1, was " + headcount);
		}
		if (type == null) {
			throw new BadUserRequestException("auditType is required");
		}
		ApprovedDecision definition = this.approvedDecisions.inForce(DECISION_KEY);
		DmnDecisionTableResult result = this.decisionService.evaluateDecisionTableById(definition.definitionId())
			.variables(Map.of(HEADCOUNT, headcount, AUDIT_TYPE, type.name()))
			.evaluate();
		DmnDecisionRuleResult entries = result.getSingleResult();
		if (entries == null || entries.getEntry(PERSON_DAYS) == null) {
			throw new BadUserRequestException("headcount " + headcount + ": no size band in " + DECISION_KEY + " v"
					+ definition.version() + " covers it");
		}
		Number days = entries.getEntry(PERSON_DAYS);
		return days.intValue();
	}

}
