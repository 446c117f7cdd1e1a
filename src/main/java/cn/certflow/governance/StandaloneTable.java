package cn.certflow.governance;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.certflow.system.ParsedOnceFeelEngine;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * One version of a decision table, parsed from its deployed XML onto the standalone
 * Camunda DMN engine (issue 23): the impact simulation evaluates it without the process
 * engine, so it writes no decision history, touches no record and bumps no metric. Same
 * FEEL engine as the process engine (feel-engine as pinned in the root pom, each cell
 * parsed once: {@link ParsedOnceFeelEngine}). FEEL only: a cell in JUEL or a script
 * language is not run here (it fails that evaluation), so a candidate table cannot run
 * code while it is being simulated. Each evaluation also tells which rules matched, from
 * {@link DmnDecisionTableEvaluationListener} events.
 */
final class StandaloneTable {

	/** The rules matched by the evaluation running on this thread. */
	private static final ThreadLocal<List<String>> MATCHED = new ThreadLocal<>();

	private static final DmnEngine ENGINE = buildEngine();

	/**
	 * What one evaluation gave.
	 *
	 * @param outputs the first result's outputs (output name → value), null when no rule
	 * matched or it failed
	 * @param rules ids of the rules that matched, in table order
	 * @param error why the evaluation failed, else null
	 */
	record Evaluation(Map<String, Object> outputs, List<String> rules, String error) {

	}

	private final String key;

	private final DmnDecision decision;

	/** Rule id → its row, 1-based, as Modeler shows it. */
	private final Map<String, Integer> rows = new LinkedHashMap<>();

	/**
	 * Input id → the variable its expression reads, when the expression is a plain
	 * variable name.
	 */
	private final Map<String, String> inputVariables = new LinkedHashMap<>();

	private StandaloneTable(String key, DmnModelInstance model) {
		this.key = key;
		this.decision = ENGINE.parseDecision(key, model);
		if (model.getModelElementById(key) instanceof Decision element
				&& element.getExpression() instanceof DecisionTable table) {
			int row = 0;
			for (Rule rule : table.getRules()) {
				this.rows.put(rule.getId(), ++row);
			}
			for (Input input : table.getInputs()) {
				String text = (input.getInputExpression() != null && input.getInputExpression().getText() != null)
						? input.getInputExpression().getText().getTextContent().trim() : "";
				if (text.matches("[A-Za-z_][A-Za-z0-9_]*")) {
					this.inputVariables.put(input.getId(), text);
				}
			}
		}
	}

	/**
	 * Parses the decision {@code key} of a deployed DMN resource.
	 * @throws org.camunda.bpm.dmn.engine.impl.DmnEngineException or a model exception
	 * when it cannot be parsed
	 */
	static StandaloneTable parse(String key, byte[] xml) {
		return new StandaloneTable(key, Dmn.readModelFromStream(new ByteArrayInputStream(xml)));
	}

	String key() {
		return this.key;
	}

	/**
	 * The variable an input column reads (input id → name), for inputs taken from the
	 * engine's decision history.
	 */
	Map<String, String> inputVariables() {
		return this.inputVariables;
	}

	Evaluation evaluate(Map<String, Object> variables) {
		List<String> matched = new ArrayList<>();
		MATCHED.set(matched);
		try {
			DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(this.decision, variables);
			Map<String, Object> outputs = result.isEmpty() ? null : new LinkedHashMap<>(result.getFirstResult());
			return new Evaluation(outputs, List.copyOf(matched), null);
		}
		catch (RuntimeException ex) {
			return new Evaluation(null, List.copyOf(matched), String.valueOf(ex.getMessage()));
		}
		finally {
			MATCHED.remove();
		}
	}

	/** "Rule_FiveStars（第 1 行）"; several joined with "、"; none: "没有规则匹配". */
	String describe(List<String> rules) {
		if (rules.isEmpty()) {
			return "没有规则匹配";
		}
		return rules.stream()
			.map((id) -> id + (this.rows.containsKey(id) ? "（第 " + this.rows.get(id) + " 行）" : ""))
			.collect(Collectors.joining("、"));
	}

	private static DmnEngine buildEngine() {
		DmnDecisionTableEvaluationListener matchingRules = (event) -> {
			List<String> matched = MATCHED.get();
			if (matched != null) {
				event.getMatchingRules().stream().map(DmnEvaluatedDecisionRule::getId).forEach(matched::add);
			}
		};
		// the DMN engine's public configuration has no setting for expression languages:
		// its default implementation does
		DefaultDmnEngineConfiguration configuration = ParsedOnceFeelEngine.standaloneConfiguration();
		configuration.setCustomPostDecisionTableEvaluationListeners(List.of(matchingRules));
		configuration.scriptEngineResolver((language) -> {
			throw new IllegalArgumentException("影响分析只计算 FEEL 表达式，不运行 " + language + " 脚本");
		});
		configuration.elProvider((expression) -> {
			throw new IllegalArgumentException("影响分析只计算 FEEL 表达式，不运行 JUEL：" + expression);
		});
		return configuration.buildEngine();
	}

}
