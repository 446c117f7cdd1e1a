package cn.certflow.governance;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import cn.certflow.governance.DecisionImpacts.StoredImpact;
import cn.certflow.security.Groups;
import cn.certflow.security.WebappSession;
import cn.certflow.security.WebappSession.StaffUser;
import cn.certflow.system.EngineTime;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of the decision tables (issue 23): the full impact list of a candidate
 * version, linked from its approval task and from the accreditation file. Signed in
 * through the Camunda webapps' session (one login) or HTTP Basic; quality managers,
 * managers and administrators only (others 403); a browser without a login goes to
 * Tasklist's login, any other caller gets 401. The page reads; it writes nothing.
 */
@Controller
@RequestMapping("/staff/decision-tables")
class DecisionImpactPage {

	static final int PAGE_SIZE = 500;

	private static final String[] READERS = { Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/**
	 * One change as the page shows it.
	 */
	record Row(int line, String subject, String subjectType, String application, String client, String evaluatedAt,
			String inputs, String before, String after, String ruleBefore, String ruleAfter, String difference) {

		static Row of(ImpactChange change) {
			return new Row(change.line(), change.subject(), "CERTIFICATE".equals(change.subjectType()) ? "证书" : "申请",
					change.application(), change.client(),
					(change.evaluatedAt() != null)
							? change.evaluatedAt().atZoneSameInstant(EngineTime.ZONE).format(TIME) : "—",
					CaseRun.format(change.inputs()), CaseRun.format(change.before()),
					(change.after() != null) ? CaseRun.format(change.after()) : change.error(), change.ruleBefore(),
					change.ruleAfter(),
					(change.difference() != null)
							? ((change.difference().signum() > 0) ? "+" : "") + change.difference().toPlainString()
							: "");
		}

	}

	private final WebappSession session;

	private final DecisionImpacts impacts;

	private final DecisionApprovals approvals;

	DecisionImpactPage(WebappSession session, DecisionImpacts impacts, DecisionApprovals approvals) {
		this.session = session;
		this.impacts = impacts;
		this.approvals = approvals;
	}

	@GetMapping("/{key}/versions/{version}/impact")
	String impact(@PathVariable String key, @PathVariable int version,
			@RequestParam(name = "page", defaultValue = "1") int page, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<StaffUser> user = this.session.user(request);
		if (user.isEmpty()) {
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			if (accept != null && accept.contains("text/html")
					&& request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
				return "redirect:" + WebappSession.LOGIN_PAGE;
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CertFlow\", charset=\"UTF-8\"");
			return message(response, model, HttpStatus.UNAUTHORIZED, "需要登录", "请先登录 Tasklist，或使用 HTTP Basic 认证。", null);
		}
		model.addAttribute("user", user.get());
		if (!user.get().inAnyOf(READERS)) {
			return message(response, model, HttpStatus.FORBIDDEN, "无权查看",
					"影响报告只供质量经理、管理者和系统管理员查看；" + user.get().id() + " 不在这些组中。", user.get());
		}
		Optional<StoredImpact> impact = this.impacts.find(key, version);
		if (impact.isEmpty()) {
			return message(response, model, HttpStatus.NOT_FOUND, "没有影响报告",
					key + " v" + version + " 没有影响报告：只有通过回归用例、且有已生效版本可比较的新版本才有。", user.get());
		}
		DecisionApproval approval = this.approvals.get(impact.get().approvalId()).orElseThrow();
		int pages = Math.max(1, (impact.get().changed() + PAGE_SIZE - 1) / PAGE_SIZE);
		int shown = Math.min(Math.max(page, 1), pages);
		List<Row> rows = this.impacts.changes(impact.get().id(), (shown - 1) * PAGE_SIZE + 1, PAGE_SIZE)
			.stream()
			.map(Row::of)
			.toList();
		model.addAttribute("title", key + " v" + version + " 影响报告");
		model.addAttribute("key", key);
		model.addAttribute("version", version);
		model.addAttribute("impact", impact.get());
		model.addAttribute("approval", approval);
		model.addAttribute("status", status(approval));
		model.addAttribute("noun", ImpactReport.noun(key));
		model.addAttribute("impactReviewed", this.approvals.impactReviewed(approval.id()).orElse(null));
		model.addAttribute("simulatedAt", impact.get().simulatedAt().atZoneSameInstant(EngineTime.ZONE).format(TIME));
		model.addAttribute("rows", rows);
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		return "staff/decision-impact";
	}

	private static String status(DecisionApproval approval) {
		return switch (approval.status()) {
			case CANDIDATE -> "待第二名质量经理审批";
			case APPROVED -> "已批准（" + approval.decidedBy() + "）";
			case REJECTED -> "未批准（" + approval.decidedBy() + "）";
		};
	}

	private static String message(HttpServletResponse response, Model model, HttpStatus status, String title,
			String text, StaffUser user) {
		response.setStatus(status.value());
		model.addAttribute("title", title);
		model.addAttribute("text", text);
		model.addAttribute("user", user);
		return "staff/message";
	}

}
