package cn.certflow.governance;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.certflow.governance.DecisionImpacts.StoredImpact;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import cn.certflow.system.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The impact report of a candidate version as JSON (issue 23): how many past evaluations
 * of the version in force were re-evaluated, how many would change, and each change with
 * its subject, inputs, outcome before and after and the rules that fired. Readers as for
 * {@link DecisionTableController}: quality managers, managers, administrators.
 */
@RestController
@RequestMapping("/api/decision-tables")
class DecisionImpactController {

	private static final String[] READERS = { Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS };

	private final DecisionImpacts impacts;

	private final DecisionApprovals approvals;

	private final ApiAccess access;

	DecisionImpactController(DecisionImpacts impacts, DecisionApprovals approvals, ApiAccess access) {
		this.impacts = impacts;
		this.approvals = approvals;
		this.access = access;
	}

	@GetMapping("/{key}/versions/{version}/impact")
	Map<String, Object> impact(@PathVariable String key, @PathVariable int version) {
		this.access.requireAnyGroup(READERS);
		StoredImpact impact = this.impacts.find(key, version)
			.orElseThrow(() -> new NotFoundException(key + " v" + version + " 没有影响报告（只有通过回归用例、且有已生效版本可比较的新版本才有）"));
		DecisionApproval approval = this.approvals.get(impact.approvalId()).orElseThrow();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("decisionKey", key);
		body.put("version", version);
		body.put("status", approval.status().name());
		body.put("comparedVersion", impact.comparedVersion());
		body.put("source", impact.source());
		body.put("evaluated", impact.evaluated());
		body.put("changed", impact.changed());
		body.put("failed", impact.failed());
		body.put("inconsistent", impact.inconsistent());
		body.put("summary", impact.summary());
		body.put("differenceSummary", impact.differenceSummary());
		body.put("problem", impact.problem());
		body.put("simulatedAt", impact.simulatedAt());
		body.put("durationMs", impact.durationMs());
		body.put("decidedBy", approval.decidedBy());
		body.put("impactReviewed", this.approvals.impactReviewed(approval.id()).orElse(null));
		body.put("page", DecisionImpactReports.pagePathOf(key, version));
		body.put("changes", this.impacts.changes(impact.id()));
		return body;
	}

}
