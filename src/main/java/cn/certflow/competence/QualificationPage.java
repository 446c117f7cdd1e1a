package cn.certflow.competence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.WebappSession;
import cn.certflow.security.WebappSession.StaffUser;
import cn.certflow.web.StaffNavigation;
import cn.certflow.system.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The staff-qualifications register page (R-COMP-1, issue 19 point 3): every staff member
 * reads the register; quality managers add qualifications here and see those that expire
 * within 30, 60 and 90 days. Signed in through the Tasklist session (one login) or HTTP
 * Basic; others 403; a browser without a login goes to Tasklist's login. Bad input: 400
 * naming the field, nothing added.
 */
@Controller
@RequestMapping("/staff/qualifications")
class QualificationPage {

	/** The form's fields in the page's words, for the problems shown. */
	static final Map<String, String> LABELS = Map.of("userId", "人员账号", "role", "角色", "schemeId", "认证方案",
			"technicalArea", "技术领域", "validFrom", "有效期自", "validUntil", "有效期至", "evidence", "依据");

	private final WebappSession session;

	private final Qualifications qualifications;

	QualificationPage(WebappSession session, Qualifications qualifications) {
		this.session = session;
		this.qualifications = qualifications;
	}

	@GetMapping
	String show(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<StaffUser> user = this.session.user(request);
		Optional<String> refused = refusal(user, request, response, model, ApiAccess.STAFF);
		return refused.orElseGet(() -> page(user.get(), model, null, null));
	}

	@PostMapping
	String add(@ModelAttribute Qualification.Request form, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<StaffUser> user = this.session.user(request);
		Optional<String> refused = refusal(user, request, response, model, QualificationController.KEEPERS);
		if (refused.isPresent()) {
			return refused.get();
		}
		try {
			Qualification added = this.qualifications.add(form, user.get().id());
			return page(user.get(), model, "已登记：" + added.userId() + " " + added.role().title() + " " + added.schemeId()
					+ " " + added.technicalArea() + "，有效期至 " + added.validUntil(), null);
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("form", form);
			return page(user.get(), model, null, ex.problems());
		}
	}

	private String page(StaffUser user, Model model, String done, List<InvalidInputException.FieldProblem> problems) {
		model.addAttribute("title", "人员资格登记");
		model.addAttribute("user", user);
		model.addAttribute("nav", StaffNavigation.linksFor(user));
		model.addAttribute("keeper", user.inAnyOf(QualificationController.KEEPERS));
		model.addAttribute("qualifications", this.qualifications.all());
		model.addAttribute("expiring", this.qualifications.expiring());
		model.addAttribute("roles", QualificationRole.values());
		model.addAttribute("done", done);
		List<InvalidInputException.FieldProblem> shown = (problems != null) ? problems : List.of();
		model.addAttribute("problems", shown);
		model.addAttribute("labels", LABELS);
		model.addAttribute("invalid", shown.stream().map(InvalidInputException.FieldProblem::field).toList());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new Qualification.Request("", "", "", "", "", "", ""));
		}
		return "staff/qualifications";
	}

	private static Optional<String> refusal(Optional<StaffUser> user, HttpServletRequest request,
			HttpServletResponse response, Model model, String... groups) {
		if (user.isEmpty()) {
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			if (accept != null && accept.contains("text/html")
					&& request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
				return Optional.of("redirect:" + WebappSession.LOGIN_PAGE);
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CertFlow\", charset=\"UTF-8\"");
			return Optional.of(message(response, model, HttpStatus.UNAUTHORIZED, "需要登录",
					"请先登录 Tasklist，或使用 HTTP Basic 认证。", null));
		}
		if (!user.get().inAnyOf(groups)) {
			return Optional.of(message(response, model, HttpStatus.FORBIDDEN, "无权操作",
					"人员资格登记只供本机构人员查看、由质量经理维护；" + user.get().id() + " 没有这项权限。", user.get()));
		}
		return Optional.empty();
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
