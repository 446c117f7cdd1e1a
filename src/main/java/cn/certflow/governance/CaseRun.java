package cn.certflow.governance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.certflow.governance.DecisionCases.DecisionCase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The regression cases of a table run against one version of it (R-GRD-DMN): every case
 * with expected and actual outputs. A run that could not read its cases has a problem and
 * no results, and does not pass.
 *
 * @param results one per case, in file order
 * @param problem why the cases could not be run (no cases, unreadable file), else null
 */
record CaseRun(List<CaseResult> results, String problem) {

	/**
	 * Longest text handed to a Tasklist form (engine string variables hold 4000
	 * characters).
	 */
	static final int REPORT_LIMIT = 3800;

	private static final ObjectMapper JSON = new ObjectMapper();

	CaseRun {
		results = List.copyOf(results);
	}

	/** Runs every case through {@code evaluate} (inputs → the table's result list). */
	static CaseRun run(DecisionCases cases, Function<Map<String, Object>, List<Map<String, Object>>> evaluate) {
		List<CaseResult> results = new ArrayList<>();
		for (DecisionCase decisionCase : cases.cases()) {
			results.add(run(decisionCase, evaluate));
		}
		return new CaseRun(results, null);
	}

	static CaseRun failed(String problem) {
		return new CaseRun(List.of(), problem);
	}

	private static CaseResult run(DecisionCase decisionCase,
			Function<Map<String, Object>, List<Map<String, Object>>> evaluate) {
		List<Map<String, Object>> resultList;
		try {
			resultList = evaluate.apply(decisionCase.inputs());
		}
		catch (RuntimeException ex) {
			return new CaseResult(decisionCase, null, String.valueOf(ex.getMessage()), false);
		}
		Map<String, Object> actual = resultList.isEmpty() ? null : new LinkedHashMap<>(resultList.get(0));
		if (decisionCase.expectsNoMatch()) {
			return new CaseResult(decisionCase, actual, null, actual == null);
		}
		boolean passed = actual != null && decisionCase.expected()
			.entrySet()
			.stream()
			.allMatch((expected) -> actual.containsKey(expected.getKey())
					&& same(expected.getValue(), actual.get(expected.getKey())));
		return new CaseResult(decisionCase, actual, null, passed);
	}

	/** Numbers compare by value (5 = 5.0), everything else by equals. */
	static boolean same(Object expected, Object actual) {
		if (expected == null || actual == null) {
			return expected == actual;
		}
		if (expected instanceof Number e && actual instanceof Number a) {
			try {
				return new BigDecimal(e.toString()).compareTo(new BigDecimal(a.toString())) == 0;
			}
			catch (NumberFormatException ex) {
				return e.equals(a);
			}
		}
		return expected.equals(actual);
	}

	boolean passed() {
		return this.problem == null && !this.results.isEmpty() && this.results.stream().allMatch(CaseResult::passed);
	}

	List<CaseResult> failures() {
		return this.results.stream().filter((result) -> !result.passed()).toList();
	}

	int caseCount() {
		return this.results.size();
	}

	int failedCount() {
		return (this.problem != null) ? 1 : failures().size();
	}

	/** "27 条用例全部通过" / "3 条用例未通过（共 27 条）" / the problem. */
	String summary() {
		if (this.problem != null) {
			return "回归用例无法运行：" + this.problem;
		}
		if (passed()) {
			return this.results.size() + " 条用例全部通过";
		}
		return failures().size() + " 条用例未通过（共 " + this.results.size() + " 条）";
	}

	/**
	 * Every failing case with expected vs actual, or, when all pass, every case with its
	 * result; cut at {@link #REPORT_LIMIT} characters with a note of how many lines were
	 * left out.
	 */
	String report() {
		List<String> lines = new ArrayList<>();
		if (this.problem != null) {
			lines.add("✗ " + this.problem);
		}
		else if (passed()) {
			this.results.forEach((result) -> lines.add("✓ " + result.decisionCase().name() + "："
					+ format(result.decisionCase().ownInputs()) + " → " + (result.decisionCase().expectsNoMatch()
							? "没有规则匹配" : format(inOrderOf(result.decisionCase().expected(), result.actual())))));
		}
		else {
			failures().forEach((result) -> lines.add(failureLine(result)));
		}
		return limit(lines, REPORT_LIMIT, "条未列出，完整结果见 GET /api/decision-tables");
	}

	static String failureLine(CaseResult result) {
		DecisionCase decisionCase = result.decisionCase();
		String actual;
		if (result.error() != null) {
			actual = "评估出错：" + result.error();
		}
		else if (result.actual() == null) {
			actual = "没有规则匹配";
		}
		else {
			actual = format(inOrderOf(decisionCase.expected(), result.actual()));
		}
		String expected = decisionCase.expectsNoMatch() ? "没有规则匹配" : format(decisionCase.expected());
		String why = decisionCase.description().isBlank() ? "" : "（" + decisionCase.description() + "）";
		return "✗ " + decisionCase.name() + "：" + format(decisionCase.ownInputs()) + "；期望 " + expected + "；实际 " + actual
				+ why;
	}

	/** The outputs, those that were expected first and in the expected order. */
	private static Map<String, Object> inOrderOf(Map<String, Object> expected, Map<String, Object> actual) {
		Map<String, Object> ordered = new LinkedHashMap<>();
		expected.keySet().stream().filter(actual::containsKey).forEach((key) -> ordered.put(key, actual.get(key)));
		actual.forEach(ordered::putIfAbsent);
		return ordered;
	}

	/** {"score": 95.0, "specialDeductions": 0} → "score=95, specialDeductions=0". */
	static String format(Map<String, Object> values) {
		if (values == null || values.isEmpty()) {
			return (values == null) ? "—" : "（默认输入）";
		}
		return values.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + formatValue(entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	private static String formatValue(Object value) {
		if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
			return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
		}
		return String.valueOf(value);
	}

	static String limit(List<String> lines, int limit, String note) {
		StringBuilder text = new StringBuilder();
		int shown = 0;
		for (String line : lines) {
			String cut = (line.length() > 600) ? line.substring(0, 600) + "…" : line;
			if (text.length() + cut.length() + 1 > limit - 80) {
				break;
			}
			text.append(cut).append('\n');
			shown++;
		}
		if (shown < lines.size()) {
			text.append("……另有 ").append(lines.size() - shown).append(' ').append(note).append('\n');
		}
		return text.toString().stripTrailing();
	}

	/** The results as JSON, kept with the approval record. */
	String resultsJson() {
		List<Map<String, Object>> rows = new ArrayList<>();
		if (this.problem != null) {
			rows.add(Map.of("problem", this.problem, "passed", false));
		}
		for (CaseResult result : this.results) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", result.decisionCase().name());
			row.put("description", result.decisionCase().description());
			row.put("inputs", result.decisionCase().ownInputs());
			row.put("expected", result.decisionCase().expected());
			row.put("actual", result.actual());
			if (result.error() != null) {
				row.put("error", result.error());
			}
			row.put("passed", result.passed());
			rows.add(row);
		}
		try {
			return JSON.writeValueAsString(rows);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
