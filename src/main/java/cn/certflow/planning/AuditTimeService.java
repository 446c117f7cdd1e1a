package cn.certflow.planning;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * R-PLAN-1: audit person-days from the {@code audit-time} DMN table (PCEC 15), evaluated by
 * the engine so quality managers' edits apply and each evaluation is in the history.
 */
@Service
public class AuditTimeService {

	/** Decision key; a business rule task uses it with variables headcount and auditType. */
	public static final String DECISION_KEY = "audit-time";

	static final String HEADCOUNT = "headcount";

	static final String AUDIT_TYPE = "auditType";

	static final String PERSON_DAYS = "personDays";

	private final DecisionService decisionService;

	private final RepositoryService repositoryService;

	public AuditTimeService(DecisionService decisionService, RepositoryService repositoryService) {
		this.decisionService = decisionService;
		this.repositoryService = repositoryService;
	}

	/**
	 * Person-days for an audit of this type of an organisation with this many people in scope.
	 * @throws BadUserRequestException naming {@code headcount} when it is below 1 or no band
	 * covers it
	 */
	public int personDays(int headcount, AuditType type) {
		if (headcount < 1) {
			throw new BadUserRequestException("headcount must be at least 1, was " + headcount);
		}
		if (type == null) {
			throw new BadUserRequestException("auditType is required");
		}
		DecisionDefinition definition = this.repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey(DECISION_KEY)
			.latestVersion()
			.singleResult();
		if (definition == null) {
			throw new IllegalStateException("Decision '" + DECISION_KEY + "' is not deployed");
		}
		DmnDecisionTableResult result = this.decisionService.evaluateDecisionTableById(definition.getId())
			.variables(Map.of(HEADCOUNT, headcount, AUDIT_TYPE, type.name()))
			.evaluate();
		DmnDecisionRuleResult entries = result.getSingleResult();
		if (entries == null || entries.getEntry(PERSON_DAYS) == null) {
			throw new BadUserRequestException("headcount " + headcount + ": no size band in " + DECISION_KEY + " v"
					+ definition.getVersion() + " covers it");
		}
		Number days = entries.getEntry(PERSON_DAYS);
		return days.intValue();
	}

}
