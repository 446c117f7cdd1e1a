package cn.certflow.governance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.certflow.grading.ApprovedDecision;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The past evaluations of one version of any other table (audit-time), from the engine's
 * decision history with its inputs and outputs (issue 23): those made in a process (the
 * initial certification's business rule task, the audit time of a surveillance or
 * recertification). Evaluations outside a process — the regression cases, a quality
 * manager trying a table through the REST API — are not past audits and are left out. The
 * application or certificate is the business key of the process's root instance.
 */
@Component
class PastDecisionHistory {

	private static final int PAGE = 1000;

	private final HistoryService history;

	private final JdbcClient jdbc;

	PastDecisionHistory(HistoryService history, JdbcClient jdbc) {
		this.history = history;
		this.jdbc = jdbc;
	}

	String source(ApprovedDecision inForce) {
		return "引擎决策历史中 " + inForce.decisionKey() + " v" + inForce.version() + " 在流程中的评估（含输入与输出）";
	}

	/**
	 * @param inputVariables input id → variable name of the version in force
	 */
	List<PastEvaluation> of(ApprovedDecision inForce, Map<String, String> inputVariables) {
		List<HistoricDecisionInstance> instances = new ArrayList<>();
		for (int first = 0;; first += PAGE) {
			List<HistoricDecisionInstance> page = this.history.createHistoricDecisionInstanceQuery()
				.decisionDefinitionId(inForce.definitionId())
				.includeInputs()
				.includeOutputs()
				.orderByEvaluationTime()
				.asc()
				.listPage(first, PAGE);
			page.stream()
				.filter((instance) -> instance.getProcessInstanceId() != null)
				.filter((instance) -> instance.getRootDecisionInstanceId() == null
						|| instance.getRootDecisionInstanceId().equals(instance.getId()))
				.forEach(instances::add);
			if (page.size() < PAGE) {
				break;
			}
		}
		Map<String, String> businessKeys = businessKeys(instances);
		Map<String, Subject> subjects = subjects(Set.copyOf(businessKeys.values()));
		List<PastEvaluation> past = new ArrayList<>();
		for (HistoricDecisionInstance instance : instances) {
			String root = (instance.getRootProcessInstanceId() != null) ? instance.getRootProcessInstanceId()
					: instance.getProcessInstanceId();
			String key = businessKeys.get(root);
			Subject subject = (key != null) ? subjects.get(key) : null;
			OffsetDateTime at = (instance.getEvaluationTime() != null)
					? OffsetDateTime.ofInstant(instance.getEvaluationTime().toInstant(), EngineTime.ZONE) : null;
			Map<String, Object> inputs = new LinkedHashMap<>();
			String problem = null;
			for (HistoricDecisionInputInstance input : instance.getInputs()) {
				String variable = inputVariables.get(input.getClauseId());
				if (variable == null) {
					problem = "输入列「" + input.getClauseName() + "」的表达式不是变量名，无法从历史还原";
					break;
				}
				inputs.put(variable, input.getValue());
			}
			past.add(new PastEvaluation((subject != null) ? subject.application() : key,
					(subject != null) ? subject.certificate() : null, (subject != null) ? subject.client() : null, at,
					inputs, outcome(instance), problem));
		}
		return past;
	}

	/** The outputs of the first matching rule (by rule order), by output name. */
	private static Map<String, Object> outcome(HistoricDecisionInstance instance) {
		Map<String, Object> outcome = new LinkedHashMap<>();
		instance.getOutputs()
			.stream()
			.filter((output) -> output.getRuleOrder() != null)
			.min(Comparator.comparing(HistoricDecisionOutputInstance::getRuleOrder))
			.ifPresent((first) -> instance.getOutputs()
				.stream()
				.filter((output) -> first.getRuleOrder().equals(output.getRuleOrder()))
				.forEach((output) -> outcome.put(output.getVariableName(), output.getValue())));
		return outcome;
	}

	/**
	 * Root process instance id → its business key (application number, certificate
	 * number).
	 */
	private Map<String, String> businessKeys(List<HistoricDecisionInstance> instances) {
		Set<String> roots = instances.stream()
			.map((i) -> (i.getRootProcessInstanceId() != null) ? i.getRootProcessInstanceId()
					: i.getProcessInstanceId())
			.collect(Collectors.toSet());
		Map<String, String> keys = new HashMap<>();
		List<String> ids = List.copyOf(roots);
		for (int from = 0; from < ids.size(); from += PAGE) {
			Set<String> chunk = Set.copyOf(ids.subList(from, Math.min(ids.size(), from + PAGE)));
			for (HistoricProcessInstance process : this.history.createHistoricProcessInstanceQuery()
				.processInstanceIds(chunk)
				.list()) {
				if (process.getBusinessKey() != null) {
					keys.put(process.getId(), process.getBusinessKey());
				}
			}
		}
		return keys;
	}

	private record Subject(String application, String certificate, String client) {
	}

	/** Business key → application, certificate (latest of the application) and client. */
	private Map<String, Subject> subjects(Set<String> businessKeys) {
		Map<String, Subject> subjects = new HashMap<>();
		List<String> keys = List.copyOf(businessKeys);
		for (int from = 0; from < keys.size(); from += PAGE) {
			List<String> chunk = keys.subList(from, Math.min(keys.size(), from + PAGE));
			this.jdbc
				.sql("select a.number, c.name, (select ce.number from certificate ce where ce.application_id = a.id"
						+ " order by ce.id desc fetch first 1 rows only) as certificate"
						+ " from application a join client c on c.id = a.client_id where a.number in (:keys)")
				.param("keys", chunk)
				.query((rs, row) -> subjects.put(rs.getString(1),
						new Subject(rs.getString(1), rs.getString(3), rs.getString(2))))
				.list();
			this.jdbc.sql(
					"select ce.number, a.number, c.name from certificate ce join application a on a.id = ce.application_id"
							+ " join client c on c.id = a.client_id where ce.number in (:keys)")
				.param("keys", chunk)
				.query((rs, row) -> subjects.put(rs.getString(1),
						new Subject(rs.getString(2), rs.getString(1), rs.getString(3))))
				.list();
		}
		return subjects;
	}

}
