package cn.certflow.governance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import cn.certflow.governance.StandaloneTable.Evaluation;

/**
 * Re-evaluates the past evaluations of the version in force on a candidate version and
 * compares the outcomes (issue 23). Both versions run on the standalone DMN engine
 * ({@link StandaloneTable}): the candidate on every past evaluation, the one in force on
 * each change only, to name the rule that gave the past outcome and to notice a changed
 * outcome it no longer gives itself (then the change is not the candidate's doing alone).
 * The outcome compared is the one given, output by output (numbers by value). Nothing is
 * written: the caller keeps the report.
 */
final class ImpactSimulation {

	private ImpactSimulation() {
	}

	static ImpactReport run(StandaloneTable inForce, StandaloneTable candidate, List<PastEvaluation> past,
			String source) {
		long started = System.nanoTime();
		List<ImpactChange> changes = new ArrayList<>();
		int failed = 0;
		int inconsistent = 0;
		for (PastEvaluation evaluation : past) {
			if (evaluation.problem() != null) {
				failed++;
				changes.add(change(changes.size() + 1, evaluation, null, "—", "—", evaluation.problem()));
				continue;
			}
			Evaluation after = candidate.evaluate(evaluation.inputs());
			if (after.outputs() != null && same(evaluation.outcome(), after.outputs())) {
				continue;
			}
			// a change: which rule of the version in force gave the outcome, and does it
			// still give it
			Evaluation before = inForce.evaluate(evaluation.inputs());
			if (before.outputs() == null || !same(evaluation.outcome(), before.outputs())) {
				inconsistent++;
			}
			String error = null;
			if (after.outputs() == null) {
				failed++;
				error = (after.error() != null) ? "评估出错：" + after.error() : "没有规则匹配";
			}
			changes.add(change(changes.size() + 1, evaluation, after.outputs(), inForce.describe(before.rules()),
					candidate.describe(after.rules()), error));
		}
		long durationMs = (System.nanoTime() - started) / 1_000_000;
		return new ImpactReport(candidate.key(), source, past.size(), changes.size(), failed, inconsistent, changes,
				differences(changes, past), null, durationMs);
	}

	/** The given outcome's outputs, each as the other version gives it. */
	private static boolean same(Map<String, Object> given, Map<String, Object> outputs) {
		return given.entrySet()
			.stream()
			.allMatch((output) -> outputs.containsKey(output.getKey())
					&& CaseRun.same(output.getValue(), outputs.get(output.getKey())));
	}

	private static ImpactChange change(int line, PastEvaluation evaluation, Map<String, Object> after,
			String ruleBefore, String ruleAfter, String error) {
		Map<String, Object> before = evaluation.outcome();
		return new ImpactChange(line, evaluation.subject(), evaluation.subjectType(), evaluation.application(),
				evaluation.certificate(), evaluation.client(), evaluation.evaluatedAt(), evaluation.inputs(), before,
				(after != null) ? visible(before, after) : null, ruleBefore, ruleAfter, difference(before, after),
				error);
	}

	/** The candidate's outputs, those that were given first. */
	private static Map<String, Object> visible(Map<String, Object> before, Map<String, Object> after) {
		Map<String, Object> ordered = new java.util.LinkedHashMap<>();
		before.keySet().stream().filter(after::containsKey).forEach((name) -> ordered.put(name, after.get(name)));
		after.forEach(ordered::putIfAbsent);
		return ordered;
	}

	/** after − before of the first output that is a number on both sides. */
	static BigDecimal difference(Map<String, Object> before, Map<String, Object> after) {
		if (after == null) {
			return null;
		}
		for (Map.Entry<String, Object> output : before.entrySet()) {
			if (output.getValue() instanceof Number was && after.get(output.getKey()) instanceof Number now) {
				return new BigDecimal(now.toString()).subtract(new BigDecimal(was.toString())).stripTrailingZeros();
			}
		}
		return null;
	}

	/** "多 1 人日 × 3 次，少 1 人日 × 1 次；合计 +2 人日" (stars: 星). */
	private static String differences(List<ImpactChange> changes, List<PastEvaluation> past) {
		List<BigDecimal> differences = changes.stream()
			.map(ImpactChange::difference)
			.filter((d) -> d != null && d.signum() != 0)
			.toList();
		if (differences.isEmpty()) {
			return null;
		}
		String output = past.stream()
			.filter((e) -> e.problem() == null)
			.findFirst()
			.flatMap((e) -> e.outcome().entrySet().stream().filter((o) -> o.getValue() instanceof Number).findFirst())
			.map(Map.Entry::getKey)
			.orElse("");
		String unit = switch (output) {
			case "personDays" -> " 人日";
			case "stars" -> " 星";
			default -> "";
		};
		Map<BigDecimal, Long> counts = differences.stream()
			.collect(Collectors.groupingBy((BigDecimal d) -> d,
					() -> new TreeMap<BigDecimal, Long>(java.util.Comparator.reverseOrder()), Collectors.counting()));
		String each = counts.entrySet()
			.stream()
			.map((entry) -> ((entry.getKey().signum() > 0) ? "多 " : "少 ") + entry.getKey().abs().toPlainString() + unit
					+ " × " + entry.getValue() + " 次")
			.collect(Collectors.joining("，"));
		BigDecimal total = differences.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return output + "：" + each + "；合计 " + ((total.signum() > 0) ? "+" : "") + total.toPlainString() + unit;
	}

}
