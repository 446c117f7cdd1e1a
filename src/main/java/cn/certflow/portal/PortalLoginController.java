package cn.certflow.portal;

import cn.certflow.security.PasswordLogin;
import cn.certflow.system.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The client portal's own login (issue 18): a Chinese page with a CSRF token (PageForms),
 * the staff's login throttle and password check ({@link PasswordLogin}), client accounts
 * only; logout; and the one-time set-password link.
 */
@Controller
@RequestMapping("/portal")
class PortalLoginController {

	static final String WRONG = "登录名或密码不正确，或该账户不是客户账户。";

	private final PasswordLogin login;

	private final ClientAccounts accounts;

	private final PortalSession session;

	PortalLoginController(PasswordLogin login, ClientAccounts accounts, PortalSession session) {
		this.login = login;
		this.accounts = accounts;
		this.session = session;
	}

	@GetMapping("/login")
	String loginPage(HttpServletRequest request) {
		return this.session.account(request).isPresent() ? "redirect:/portal/" : "portal/login";
	}

	@PostMapping("/login")
	String signIn(@RequestParam(name = "username", required = false) String username,
			@RequestParam(name = "password", required = false) String password, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String user = (username != null) ? username.strip() : "";
		model.addAttribute("username", user.length() > 64 ? user.substring(0, 64) : user);
		if (user.isEmpty() || user.length() > 64 || password == null || password.isEmpty() || password.length() > 200) {
			response.setStatus(400);
			model.addAttribute("error", "请填写登录名和密码。");
			return "portal/login";
		}
		PasswordLogin.Outcome outcome = this.login.attempt(request.getRemoteAddr(), user, password);
		if (outcome.throttled()) {
			response.setStatus(429);
			response.setHeader("Retry-After", String.valueOf(PasswordLogin.seconds(outcome.retryAfter())));
			model.addAttribute("error",
					"登录失败次数过多，请 " + PasswordLogin.seconds(outcome.retryAfter()) + " 秒后再试；如已忘记密码，请联系认证机构重新发送设置密码链接。");
			return "portal/login";
		}
		if (!outcome.ok() || this.accounts.of(user).isEmpty()) {
			response.setStatus(401);
			model.addAttribute("error", WRONG);
			return "portal/login";
		}
		this.session.signIn(request, user);
		return "redirect:/portal/";
	}

	@PostMapping("/logout")
	String signOut(HttpServletRequest request) {
		this.session.signOut(request);
		return "redirect:/portal/login?out";
	}

	@GetMapping("/password")
	String passwordPage(@RequestParam(name = "token", required = false) String token, HttpServletResponse response,
			Model model) {
		model.addAttribute("token", token);
		this.accounts.linkAccount(token).ifPresentOrElse(user -> model.addAttribute("userId", user), () -> {
			response.setStatus(404);
			model.addAttribute("error", "链接无效、已使用或已过期（有效期 " + ClientAccounts.LINK_VALID_DAYS + " 天），请联系认证机构重新发送。");
		});
		return "portal/password";
	}

	@PostMapping("/password")
	String setPassword(@RequestParam(name = "token", required = false) String token,
			@RequestParam(name = "password", required = false) String password,
			@RequestParam(name = "repeated", required = false) String repeated, HttpServletResponse response,
			Model model) {
		try {
			String user = this.accounts.setPassword(token, password, repeated);
			model.addAttribute("username", user);
			model.addAttribute("info", "密码已设置，请登录。");
			return "portal/login";
		}
		catch (InvalidInputException ex) {
			response.setStatus(400);
			model.addAttribute("token", token);
			this.accounts.linkAccount(token).ifPresent(user -> model.addAttribute("userId", user));
			model.addAttribute("error", PortalForms.message(ex));
			return "portal/password";
		}
	}

}
