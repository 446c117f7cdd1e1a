package cn.certflow.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.certflow.system.ParsedOnceFeelEngine;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;

/**
 * R-GRD-EXPLAIN: says, for each rule ranked above the one that matched, which condition
 * failed first, reading the deployed table (not Java thresholds). For each deployed
 * decision definition it builds once a probe table with hit policy COLLECT where every
 * (rule, input) cell becomes its own rule; one evaluation of the probe on a standalone
 * DMN engine tells which cells hold. Explanation only: the grade comes from the engine's
 * evaluation.
 */
class GradeExplainer {

	private static final String CELL_OUTPUT = "cell";

	private static final Pattern COMPARISON = Pattern
		.compile("^(>=|<=|>|<|!=|=)?\\s*(-?\\d+(?:\\.\\d+)?|true|false|\"[^\"]*\")$");

	private final RepositoryService repositoryService;

	private final DmnEngine dmnEngine = ParsedOnceFeelEngine.standaloneEngine();

	private final Map<String, Probe> probes = new ConcurrentHashMap<>();

	GradeExplainer(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	List<String> explain(String decisionDefinitionId, Map<String, Object> variables) {
		Probe probe = this.probes.computeIfAbsent(decisionDefinitionId, this::buildProbe);
		DmnDecisionTableResult result = this.dmnEngine.evaluateDecisionTable(probe.decision(), variables);
		Set<String> holding = new HashSet<>(result.<String>collectEntries(CELL_OUTPUT));
		List<String> lines = new ArrayList<>();
		for (ProbeRule rule : probe.rules()) {
			Cell failed = rule.cells().stream().filter((cell) -> !holding.contains(cell.id())).findFirst().orElse(null);
			if (failed == null) {
				lines.add("评定为" + rule.grade() + "：第 " + rule.number() + " 条规则（" + rule.id() + "）全部条件满足");
				break;
			}
			lines.add(rule.grade() + "未达到：" + failed.label() + " "
					+ format(variables.get(failed.expression()), failed.expression()) + " " + failure(failed.entry()));
		}
		return lines;
	}

	private Probe buildProbe(String decisionDefinitionId) {
		DecisionDefinition definition = this.repositoryService.getDecisionDefinition(decisionDefinitionId);
		DmnModelInstance deployed = this.repositoryService.getDmnModelInstance(decisionDefinitionId);
		Decision decision = deployed.getModelElementById(definition.getKey());
		DecisionTable table = (DecisionTable) decision.getExpression();
		List<Input> inputs = new ArrayList<>(table.getInputs());
		List<Output> outputs = new ArrayList<>(table.getOutputs());
		int gradeOutput = -1;
		for (int i = 0; i < outputs.size(); i++) {
			if ("grade".equals(outputs.get(i).getName())) {
				gradeOutput = i;
			}
		}

		DmnModelInstance model = Dmn.createEmptyModel();
		Definitions definitions = model.newInstance(Definitions.class);
		definitions.setId("Probe_Definitions");
		definitions.setName("probe " + definition.getKey());
		definitions.setNamespace("http://certflow.cn/dmn/probe");
		model.setDefinitions(definitions);
		Decision probeDecision = model.newInstance(Decision.class);
		probeDecision.setId("probe");
		probeDecision.setName("probe");
		definitions.addChildElement(probeDecision);
		DecisionTable probeTable = model.newInstance(DecisionTable.class);
		probeTable.setId("Probe_Table");
		probeTable.setHitPolicy(HitPolicy.COLLECT);
		probeDecision.addChildElement(probeTable);
		for (int j = 0; j < inputs.size(); j++) {
			Input original = inputs.get(j);
			Input input = model.newInstance(Input.class);
			input.setId("Probe_Input_" + j);
			input.setLabel(original.getLabel());
			if (original.getCamundaInputVariable() != null) {
				input.setCamundaInputVariable(original.getCamundaInputVariable());
			}
			InputExpression expression = model.newInstance(InputExpression.class);
			expression.setId("Probe_InputExpression_" + j);
			expression.setTypeRef(original.getInputExpression().getTypeRef());
			if (original.getInputExpression().getExpressionLanguage() != null) {
				expression.setExpressionLanguage(original.getInputExpression().getExpressionLanguage());
			}
			expression.setText(text(model, original.getInputExpression().getText().getTextContent()));
			input.addChildElement(expression);
			probeTable.addChildElement(input);
		}
		Output output = model.newInstance(Output.class);
		output.setId("Probe_Output");
		output.setName(CELL_OUTPUT);
		output.setTypeRef("string");
		probeTable.addChildElement(output);

		List<ProbeRule> rules = new ArrayList<>();
		int number = 0;
		for (Rule rule : table.getRules()) {
			number++;
			List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
			List<OutputEntry> outputEntries = new ArrayList<>(rule.getOutputEntries());
			String grade = (gradeOutput >= 0) ? unquote(outputEntries.get(gradeOutput).getText().getTextContent())
					: rule.getId();
			List<Cell> cells = new ArrayList<>();
			for (int j = 0; j < entries.size(); j++) {
				String entry = entries.get(j).getText().getTextContent().trim();
				if (entry.isEmpty() || "-".equals(entry)) {
					continue;
				}
				String cellId = number + ":" + j;
				Rule probeRule = model.newInstance(Rule.class);
				probeRule.setId("Probe_Rule_" + number + "_" + j);
				for (int k = 0; k < entries.size(); k++) {
					InputEntry probeEntry = model.newInstance(InputEntry.class);
					probeEntry.setId("Probe_Entry_" + number + "_" + j + "_" + k);
					if (k == j && entries.get(j).getExpressionLanguage() != null) {
						probeEntry.setExpressionLanguage(entries.get(j).getExpressionLanguage());
					}
					probeEntry.setText(text(model, (k == j) ? entry : "-"));
					probeRule.addChildElement(probeEntry);
				}
				OutputEntry probeOutput = model.newInstance(OutputEntry.class);
				probeOutput.setId("Probe_Output_" + number + "_" + j);
				probeOutput.setText(text(model, "\"" + cellId + "\""));
				probeRule.addChildElement(probeOutput);
				probeTable.addChildElement(probeRule);
				Input input = inputs.get(j);
				String expression = input.getInputExpression().getText().getTextContent().trim();
				cells.add(new Cell(cellId, shortLabel(input.getLabel(), expression), expression, entry));
			}
			rules.add(new ProbeRule(number, rule.getId(), grade, cells));
		}
		return new Probe(this.dmnEngine.parseDecision("probe", model), rules);
	}

	private static Text text(DmnModelInstance model, String content) {
		Text text = model.newInstance(Text.class);
		text.setTextContent(content);
		return text;
	}

	/** The input's label up to its first parenthesis: "S_face（当面问卷调查 %）" → "S_face". */
	static String shortLabel(String label, String expression) {
		if (label == null || label.isBlank()) {
			return expression;
		}
		String text = label.trim();
		int paren = indexOfAny(text, '（', '(');
		return (paren > 0) ? text.substring(0, paren).trim() : text;
	}

	private static int indexOfAny(String text, char a, char b) {
		int i = text.indexOf(a);
		int j = text.indexOf(b);
		if (i < 0) {
			return j;
		}
		return (j < 0) ? i : Math.min(i, j);
	}

	/** How the actual value fails an entry: "&gt;= 80" → "&lt; 80". */
	static String failure(String entry) {
		Matcher matcher = COMPARISON.matcher(entry.trim());
		if (!matcher.matches()) {
			return "不满足 " + entry.trim();
		}
		String operand = unquote(matcher.group(2));
		String operator = (matcher.group(1) != null) ? matcher.group(1) : "=";
		return switch (operator) {
			case ">=" -> "< " + operand;
			case ">" -> "≤ " + operand;
			case "<=" -> "> " + operand;
			case "<" -> "≥ " + operand;
			case "!=" -> "= " + operand;
			default -> "≠ " + operand;
		};
	}

	static String format(Object value, String expression) {
		if (value == null) {
			return "(" + expression + " 无值)";
		}
		if (value instanceof Number number) {
			BigDecimal decimal = new BigDecimal(number.toString());
			String text = decimal.setScale(2, RoundingMode.DOWN).stripTrailingZeros().toPlainString();
			return text;
		}
		return value.toString();
	}

	private static String unquote(String text) {
		String trimmed = text.trim();
		if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
			return trimmed.substring(1, trimmed.length() - 1);
		}
		return trimmed;
	}

	private record Probe(DmnDecision decision, List<ProbeRule> rules) {
	}

	private record ProbeRule(int number, String id, String grade, List<Cell> cells) {
	}

	private record Cell(String id, String label, String expression, String entry) {
	}

}
