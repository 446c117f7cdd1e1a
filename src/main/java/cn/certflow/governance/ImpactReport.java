package cn.certflow.governance;

import java.util.ArrayList;
import java.util.List;

/**
 * What a candidate version would have done to the past evaluations of the version in
 * force (issue 23): how many were re-evaluated, how many would change, and each change.
 *
 * @param decisionKey the table
 * @param source where the past evaluations came from
 * @param evaluated past evaluations re-evaluated
 * @param changed how many the candidate would change (failed ones included)
 * @param failed how many the candidate could not evaluate (error, no rule matched) or
 * whose inputs were lost
 * @param inconsistent changed outcomes the version in force no longer gives itself for
 * the same inputs
 * @param changes every change, in the order of the evaluations
 * @param differenceSummary how a numeric outcome's changes add up, null when there are
 * none
 * @param problem why the simulation could not run at all, else null
 * @param durationMs how long it took
 */
record ImpactReport(String decisionKey, String source, int evaluated, int changed, int failed, int inconsistent,
		List<ImpactChange> changes, String differenceSummary, String problem, long durationMs) {

	ImpactReport {
		changes = List.copyOf(changes);
	}

	ImpactReport withDuration(long total) {
		return new ImpactReport(this.decisionKey, this.source, this.evaluated, this.changed, this.failed,
				this.inconsistent, this.changes, this.differenceSummary, this.problem, total);
	}

	static ImpactReport failed(String decisionKey, String source, String problem, long durationMs) {
		return new ImpactReport(decisionKey, source, 0, 0, 0, 0, List.of(), null, problem, durationMs);
	}

	/** What one past evaluation is called: 评级, 审查人日计算. */
	static String noun(String decisionKey) {
		if (decisionKey.startsWith("grade-")) {
			return "评级";
		}
		return "audit-time".equals(decisionKey) ? "审查人日计算" : "评估";
	}

	/** "12 次评级中 3 次会改变" and what else the approver must know. */
	String summary() {
		if (this.problem != null) {
			return "影响分析未能完成：" + this.problem;
		}
		String noun = noun(this.decisionKey);
		if (this.evaluated == 0) {
			return "已生效版本还没有" + noun + "记录，没有可比较的" + noun + "。";
		}
		List<String> parts = new ArrayList<>();
		parts.add(this.evaluated + " 次" + noun + "中 " + this.changed + " 次会改变");
		if (this.differenceSummary != null) {
			parts.add(this.differenceSummary);
		}
		if (this.failed > 0) {
			parts.add("其中 " + this.failed + " 次新版本无法给出结果");
		}
		if (this.inconsistent > 0) {
			parts.add("其中 " + this.inconsistent + " 次已生效版本重新计算的结果也与记录不同（按记录的结果比较）");
		}
		return String.join("；", parts) + "。";
	}

	/** Every change as one line, cut to fit a Tasklist form. */
	String lines() {
		if (this.changes.isEmpty()) {
			return (this.problem != null || this.evaluated == 0) ? "—" : "没有会改变的" + noun(this.decisionKey) + "。";
		}
		String noun = noun(this.decisionKey);
		return CaseRun.limit(this.changes.stream().map((change) -> change.line(noun)).toList(), CaseRun.REPORT_LIMIT,
				"条未列出，见完整影响清单");
	}

}
