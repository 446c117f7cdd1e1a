package cn.certflow.grading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The grade table in force, as the scoring forms' live preview reads it (issue 20 point
 * 12): each rule in order (hit policy FIRST) with its grade and its conditions, read from
 * the deployed DMN — so a threshold a quality manager changes and approves reaches the
 * preview without touching a form. A condition the preview cannot compute (anything but a
 * comparison with a number or a boolean) makes the whole preview unavailable, never a
 * preview that differs from the table.
 */
public class GradeTablePreview {

	private static final Pattern COMPARISON = Pattern.compile("^(>=|<=|>|<|=)?\\s*(-?\\d+(?:\\.\\d+)?|true|false)$");

	private final RepositoryService repositoryService;

	private final Map<String, Table> tables = new ConcurrentHashMap<>();

	GradeTablePreview(RepositoryService repositoryService) {
		this.repositoryService = repositoryService;
	}

	/**
	 * The preview of a deployed decision definition (read once per definition: a deployed
	 * version never changes).
	 */
	Table of(ApprovedDecision inForce) {
		return this.tables.computeIfAbsent(inForce.definitionId(), (id) -> read(inForce));
	}

	private Table read(ApprovedDecision inForce) {
		DecisionDefinition definition = this.repositoryService.getDecisionDefinition(inForce.definitionId());
		DmnModelInstance model = this.repositoryService.getDmnModelInstance(inForce.definitionId());
		Decision decision = model.getModelElementById(definition.getKey());
		if (!(decision.getExpression() instanceof DecisionTable table)) {
			return Table.unavailable(inForce, "不是决策表");
		}
		if (table.getHitPolicy() != HitPolicy.FIRST) {
			return Table.unavailable(inForce, "命中策略不是 FIRST");
		}
		List<Input> inputs = new ArrayList<>(table.getInputs());
		int gradeOutput = -1;
		List<Output> outputs = new ArrayList<>(table.getOutputs());
		for (int i = 0; i < outputs.size(); i++) {
			if ("grade".equals(outputs.get(i).getName())) {
				gradeOutput = i;
			}
		}
		if (gradeOutput < 0) {
			return Table.unavailable(inForce, "没有输出列 grade");
		}
		List<Row> rows = new ArrayList<>();
		for (Rule rule : table.getRules()) {
			List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
			List<Condition> conditions = new ArrayList<>();
			for (int j = 0; j < entries.size(); j++) {
				String entry = entries.get(j).getText().getTextContent().trim();
				if (entry.isEmpty() || "-".equals(entry)) {
					continue;
				}
				Matcher matcher = COMPARISON.matcher(entry);
				if (!matcher.matches()) {
					return Table.unavailable(inForce, "规则 " + rule.getId() + " 的条件“" + entry + "”无法在预览中计算");
				}
				Input input = inputs.get(j);
				String expression = input.getInputExpression().getText().getTextContent().trim();
				String operator = (matcher.group(1) != null) ? matcher.group(1) : "=";
				Object value = switch (matcher.group(2)) {
					case "true" -> Boolean.TRUE;
					case "false" -> Boolean.FALSE;
					default -> new BigDecimal(matcher.group(2));
				};
				String label = label(input.getLabel(), expression);
				conditions.add(new Condition(expression, operator, value, label + " " + shown(operator, value)));
			}
			String grade = unquote(
					new ArrayList<>(rule.getOutputEntries()).get(gradeOutput).getText().getTextContent());
			rows.add(new Row(grade, conditions));
		}
		return new Table(inForce.decisionKey(), inForce.version(), null, rows);
	}

	/**
	 * The Chinese name of a decision input from its label: "S_face（当面问卷调查 % / …）" →
	 * "当面问卷调查", "经营月数（operating months）" → "经营月数".
	 */
	static String label(String label, String expression) {
		String shortLabel = GradeExplainer.shortLabel(label, expression);
		if (label == null || hasChinese(shortLabel)) {
			return shortLabel;
		}
		int open = Math.max(label.indexOf('（'), label.indexOf('('));
		if (open < 0) {
			return shortLabel;
		}
		String inside = label.substring(open + 1).split(" / |）|\\)")[0].replace("%", "").trim();
		return hasChinese(inside) ? inside : shortLabel;
	}

	private static boolean hasChinese(String text) {
		return text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static String shown(String operator, Object value) {
		String operand = (value instanceof Boolean b) ? (b ? "是" : "否")
				: ((BigDecimal) value).stripTrailingZeros().toPlainString();
		return switch (operator) {
			case ">=" -> "≥ " + operand;
			case "<=" -> "≤ " + operand;
			default -> operator + " " + operand;
		};
	}

	private static String unquote(String text) {
		String trimmed = text.trim();
		if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
			return trimmed.substring(1, trimmed.length() - 1);
		}
		return trimmed;
	}

	/**
	 * The table as the preview reads it.
	 *
	 * @param decision decision key
	 * @param version version in force
	 * @param unavailable why the preview cannot follow this table, or null
	 * @param rows the rules in order
	 */
	public record Table(String decision, int version, String unavailable, List<Row> rows) {

		public Table {
			rows = List.copyOf(rows);
		}

		static Table unavailable(ApprovedDecision inForce, String why) {
			return new Table(inForce.decisionKey(), inForce.version(), why, List.of());
		}

	}

	/** One rule: the grade it gives when every condition holds. */
	public record Row(String grade, List<Condition> conditions) {

		public Row {
			conditions = List.copyOf(conditions);
		}

	}

	/**
	 * One cell of a rule: the decision input ({@code input}, the variable the table
	 * reads), the comparison and the value, and the text a person reads ("S当面 ≥ 90").
	 */
	public record Condition(String input, String op, Object value, String text) {
	}

}
