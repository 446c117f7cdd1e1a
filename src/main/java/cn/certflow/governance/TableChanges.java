package cn.certflow.governance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.certflow.governance.DecisionCases.DecisionCase;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;
import org.camunda.bpm.model.dmn.instance.LiteralExpression;
import org.springframework.stereotype.Component;

/**
 * What a new version changes against the version in force, cell by cell, and what its
 * cases change, so that the second quality manager sees what they approve (R-GRD-DMN).
 * Rules are matched by id, as Modeler keeps them.
 */
@Component
class TableChanges {

	private final RepositoryService repository;

	TableChanges(RepositoryService repository) {
		this.repository = repository;
	}

	String describe(Optional<DecisionApproval> inForce, DecisionDefinition candidate, Optional<CasesToRun> cases) {
		List<String> lines = new ArrayList<>();
		if (inForce.isEmpty()) {
			lines.add("首个受控版本：没有已生效的版本可比较。");
		}
		else {
			lines.add("与已生效的 v" + inForce.get().version() + " 相比：");
			List<String> table = tableChanges(inForce.get().definitionId(), candidate);
			lines.addAll(table.isEmpty() ? List.of("表格的条件和结果没有变化（仅名称、说明或格式不同）。") : table);
		}
		lines.add(casesChanges(inForce, cases));
		return CaseRun.limit(lines, CaseRun.REPORT_LIMIT, "处变化未列出，请在 Modeler 中对比");
	}

	private List<String> tableChanges(String inForceId, DecisionDefinition candidate) {
		DecisionTable before = table(inForceId, candidate.getKey());
		DecisionTable after = table(candidate.getId(), candidate.getKey());
		List<String> lines = new ArrayList<>();
		if (before == null || after == null) {
			lines.add("不是决策表，无法逐格比较。");
			return lines;
		}
		if (before.getHitPolicy() != after.getHitPolicy()) {
			lines.add("命中策略：" + before.getHitPolicy() + " → " + after.getHitPolicy());
		}
		List<String> inputsBefore = before.getInputs().stream().map(TableChanges::column).toList();
		List<String> inputsAfter = after.getInputs().stream().map(TableChanges::column).toList();
		if (!inputsBefore.equals(inputsAfter)) {
			lines.add("输入列：" + inputsBefore + " → " + inputsAfter);
		}
		List<String> outputsBefore = before.getOutputs().stream().map(Output::getName).toList();
		List<String> outputsAfter = after.getOutputs().stream().map(Output::getName).toList();
		if (!outputsBefore.equals(outputsAfter)) {
			lines.add("输出列：" + outputsBefore + " → " + outputsAfter);
		}
		List<String> columns = new ArrayList<>(inputsAfter);
		columns.addAll(outputsAfter);
		Map<String, Rule> oldRules = new LinkedHashMap<>();
		before.getRules().forEach((rule) -> oldRules.put(rule.getId(), rule));
		Map<String, Rule> newRules = new LinkedHashMap<>();
		after.getRules().forEach((rule) -> newRules.put(rule.getId(), rule));
		int row = 0;
		for (Rule rule : after.getRules()) {
			row++;
			Rule old = oldRules.get(rule.getId());
			List<String> cells = cells(rule);
			if (old == null) {
				lines.add("新增规则 " + rule.getId() + "（第 " + row + " 行）：" + String.join(" | ", cells));
				continue;
			}
			List<String> oldCells = cells(old);
			for (int i = 0; i < Math.max(cells.size(), oldCells.size()); i++) {
				String was = (i < oldCells.size()) ? oldCells.get(i) : "（无）";
				String now = (i < cells.size()) ? cells.get(i) : "（无）";
				if (!was.equals(now)) {
					String column = (i < columns.size()) ? columns.get(i) : "第 " + (i + 1) + " 列";
					lines.add("规则 " + rule.getId() + "（第 " + row + " 行）" + column + "：" + was + " → " + now);
				}
			}
		}
		oldRules.keySet()
			.stream()
			.filter((id) -> !newRules.containsKey(id))
			.forEach((id) -> lines.add("删除规则 " + id + "：" + String.join(" | ", cells(oldRules.get(id)))));
		List<String> keptBefore = oldRules.keySet().stream().filter(newRules::containsKey).toList();
		List<String> keptAfter = newRules.keySet().stream().filter(oldRules::containsKey).toList();
		if (!keptBefore.equals(keptAfter)) {
			lines.add("规则顺序改变（命中策略 FIRST 时影响结果）：" + keptBefore + " → " + keptAfter);
		}
		return lines;
	}

	private String casesChanges(Optional<DecisionApproval> inForce, Optional<CasesToRun> cases) {
		if (cases.isEmpty()) {
			return "用例：没有。";
		}
		if (!cases.get().fromDeployment()) {
			return "用例：本次部署未带用例文件，沿用" + cases.get().source() + "。";
		}
		Map<String, DecisionCase> before = inForce.map(DecisionApproval::casesJson)
			.map(TableChanges::byName)
			.orElse(Map.of());
		Map<String, DecisionCase> after = byName(cases.get().json());
		if (after == null || before == null) {
			return "用例：随表部署了 " + cases.get().source() + "（无法逐条比较）。";
		}
		List<String> added = after.keySet().stream().filter((name) -> !before.containsKey(name)).toList();
		List<String> removed = before.keySet().stream().filter((name) -> !after.containsKey(name)).toList();
		List<String> changed = after.keySet()
			.stream()
			.filter(before::containsKey)
			.filter((name) -> !sameCase(before.get(name), after.get(name)))
			.toList();
		if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
			return "用例：随表部署，与已批准的用例相同（" + after.size() + " 条）。";
		}
		return "用例：随表部署（" + after.size() + " 条），新增 " + added + "，删除 " + removed + "，修改 " + changed + "。";
	}

	private static boolean sameCase(DecisionCase a, DecisionCase b) {
		return a.inputs().equals(b.inputs()) && a.expected().equals(b.expected());
	}

	private static Map<String, DecisionCase> byName(String json) {
		try {
			Map<String, DecisionCase> cases = new LinkedHashMap<>();
			DecisionCases.parse(json).cases().forEach((c) -> cases.put(c.name(), c));
			return cases;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private DecisionTable table(String definitionId, String key) {
		DmnModelInstance model = this.repository.getDmnModelInstance(definitionId);
		Decision decision = model.getModelElementById(key);
		return (decision != null && decision.getExpression() instanceof DecisionTable table) ? table : null;
	}

	private static String column(Input input) {
		return (input.getInputExpression() != null && input.getInputExpression().getText() != null)
				? input.getInputExpression().getText().getTextContent().trim() : Objects.toString(input.getLabel());
	}

	private static List<String> cells(Rule rule) {
		List<String> cells = new ArrayList<>();
		for (UnaryTests entry : rule.getInputEntries()) {
			cells.add(text(entry.getText() != null ? entry.getText().getTextContent() : ""));
		}
		for (LiteralExpression entry : rule.getOutputEntries()) {
			cells.add(text(entry.getText() != null ? entry.getText().getTextContent() : ""));
		}
		return cells;
	}

	private static String text(String cell) {
		String trimmed = cell.trim();
		return trimmed.isEmpty() ? "-" : trimmed;
	}

}
