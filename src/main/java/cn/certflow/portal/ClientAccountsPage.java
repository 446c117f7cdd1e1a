package cn.certflow.portal;

import java.util.Optional;

import cn.certflow.security.WebappSession;
import cn.certflow.security.WebappSession.StaffUser;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import cn.certflow.web.StaffNavigation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reviewers open portal accounts for a client's contact persons (issue 18): the client's
 * accounts with the state of their set-password links, a form for a new account, and a
 * new link for an account. A link is shown once on this page (only its hash is kept) and
 * e-mailed when mail is configured. Signed in through Tasklist's session or HTTP Basic;
 * reviewers and administrators only.
 */
@Controller
@RequestMapping("/staff/clients/{creditCode}/accounts")
class ClientAccountsPage {

	private static final String[] MAY_OPEN = StaffNavigation.ACCOUNT_KEEPERS;

	private final WebappSession session;

	private final ClientAccounts accounts;

	ClientAccountsPage(WebappSession session, ClientAccounts accounts) {
		this.session = session;
		this.accounts = accounts;
	}

	@GetMapping
	String page(@PathVariable String creditCode, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Optional<String> refused = refuse(request, response, model);
		if (refused.isPresent()) {
			return refused.get();
		}
		return show(creditCode, model);
	}

	@PostMapping
	String create(@PathVariable String creditCode, @RequestParam(name = "userId", required = false) String userId,
			@RequestParam(name = "email", required = false) String email,
			@RequestParam(name = "name", required = false) String name, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> refused = refuse(request, response, model);
		if (refused.isPresent()) {
			return refused.get();
		}
		try {
			model.addAttribute("invitation",
					this.accounts.create(creditCode, userId, email, name, this.session.user(request).get().id()));
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("errors", PortalForms.messages(ex));
		}
		return show(creditCode, model);
	}

	@PostMapping("/{userId}/link")
	String newLink(@PathVariable String creditCode, @PathVariable String userId, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Optional<String> refused = refuse(request, response, model);
		if (refused.isPresent()) {
			return refused.get();
		}
		model.addAttribute("invitation",
				this.accounts.newLink(creditCode, userId, this.session.user(request).get().id()));
		return show(creditCode, model);
	}

	private String show(String creditCode, Model model) {
		try {
			model.addAttribute("client", this.accounts.client(creditCode));
			model.addAttribute("accounts", this.accounts.ofClient(creditCode));
			model.addAttribute("validDays", ClientAccounts.LINK_VALID_DAYS);
			return "staff/client-accounts";
		}
		catch (NotFoundException ex) {
			model.addAttribute("title", "未找到");
			model.addAttribute("text", ex.getMessage());
			return "staff/message";
		}
	}

	private Optional<String> refuse(HttpServletRequest request, HttpServletResponse response, Model model) {
		Optional<StaffUser> user = this.session.user(request);
		if (user.isEmpty()) {
			return Optional.of("redirect:" + WebappSession.LOGIN_PAGE);
		}
		model.addAttribute("user", user.get());
		if (!user.get().inAnyOf(MAY_OPEN)) {
			response.setStatus(403);
			model.addAttribute("title", "无权访问");
			model.addAttribute("text", "只有认证评审员和系统管理员可以开通客户账户。");
			return Optional.of("staff/message");
		}
		return Optional.empty();
	}

}
