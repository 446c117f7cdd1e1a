package cn.certflow.governance;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.certflow.web.StaffNavigation;
import cn.certflow.web.StaffPage;
import cn.certflow.system.NotFoundException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The register of grade and audit-time table versions (issue 19.3): per table every
 * version with its approval status, who proposed and who approved or declined it, the
 * regression cases passed, the version in force and its impact report; and one version's
 * cases with expected and actual outputs. Quality managers, managers and administrators
 * (as {@code GET /api/decision-tables/{key}}); a reviewer gets 403. Read only.
 */
@Controller
class DecisionTablePages extends StaffPage {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * One version on the page.
	 */
	record VersionRow(DecisionApproval approval, boolean inForce, int passed, Optional<String> impactPage) {
	}

	record Table(String key, String name, List<VersionRow> versions) {
	}

	private final DecisionApprovals approvals;

	private final DecisionImpacts impacts;

	DecisionTablePages(DecisionApprovals approvals, DecisionImpacts impacts) {
		this.approvals = approvals;
		this.impacts = impacts;
	}

	@GetMapping("/staff/decision-tables")
	String tables(HttpServletRequest request, Model model) {
		requireAnyGroup(request, "决策表版本登记", StaffNavigation.REGISTER_READERS);
		List<Table> tables = this.approvals.keys().stream().map(this::table).toList();
		model.addAttribute("title", "评级表和审查时间表的版本");
		model.addAttribute("tables", tables);
		return "staff/decision-tables";
	}

	@GetMapping("/staff/decision-tables/approvals/{id}")
	String approval(@PathVariable long id, HttpServletRequest request, Model model) {
		requireAnyGroup(request, "决策表版本登记", StaffNavigation.REGISTER_READERS);
		DecisionApproval approval = this.approvals.get(id)
			.orElseThrow(() -> new NotFoundException("id", "没有决策表版本记录 " + id));
		model.addAttribute("title", approval.decisionKey() + " v" + approval.version() + " 的审批记录");
		model.addAttribute("row", row(approval,
				this.approvals.inForceRecord(approval.decisionKey()).map(DecisionApproval::id).orElse(-1L)));
		model.addAttribute("results", results(approval.caseResults()));
		return "staff/decision-table-approval";
	}

	private Table table(String key) {
		List<DecisionApproval> versions = this.approvals.ofKey(key);
		long inForce = this.approvals.inForceRecord(key).map(DecisionApproval::id).orElse(-1L);
		return new Table(key, versions.isEmpty() ? key : versions.get(0).decisionName(),
				versions.stream().map((a) -> row(a, inForce)).toList());
	}

	private VersionRow row(DecisionApproval a, long inForce) {
		return new VersionRow(a, a.id() == inForce, Math.max(0, a.caseCount() - a.failedCount()),
				this.impacts.pagePath(a.decisionKey(), a.version()));
	}

	private static List<Map<String, Object>> results(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		try {
			return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
			});
		}
		catch (Exception ex) {
			return List.of(Map.of("problem", "无法读取用例结果", "passed", false));
		}
	}

}
