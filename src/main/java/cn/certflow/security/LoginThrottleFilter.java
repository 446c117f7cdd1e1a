package cn.certflow.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@link LoginThrottle} in front of every way in with a password (issue 15 point 3): HTTP
 * Basic on {@code /engine-rest} and {@code /api} ({@link RestAuthentication}), and the
 * webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A
 * blocked source gets 429 with Retry-After before any password is checked; afterwards a
 * 401 counts as a failure, a 2xx as a success. Camunda's password check endpoint
 * ({@code POST …/identity/verify}), which answers "right or wrong" for any user's
 * password to any logged-in caller, is closed: nothing in CertFlow or the webapps uses it
 * and it would be a guessing oracle past the throttle.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	static final String THROTTLED = "登录失败次数过多，请 {seconds} 秒后再试；如已忘记密码，请联系系统管理员。"
			+ "(too many failed logins: retry after {seconds} s)";

	static final String VERIFY_CLOSED = "不提供密码校验接口 (password verification is not offered)";

	private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]*");

	private static final Pattern PASSWORD_VERIFY = Pattern
		.compile("(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/identity/verify/?");

	private final LoginThrottle throttle;

	LoginThrottleFilter(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && PASSWORD_VERIFY.matcher(path).matches()) {
			ProblemResponse.send(response, HttpStatus.FORBIDDEN, VERIFY_CLOSED);
			return;
		}
		if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
			request = new LoginForm(request);
		}
		String account = attemptedAccount(request);
		if (account == null) {
			chain.doFilter(request, response);
			return;
		}
		String source = request.getRemoteAddr();
		Duration wait = this.throttle.retryAfter(source, account);
		if (!wait.isZero()) {
			ProblemResponse.tooManyRequests(response, wait, THROTTLED);
			return;
		}
		chain.doFilter(request, response);
		int status = response.getStatus();
		if (status == HttpStatus.UNAUTHORIZED.value()) {
			this.throttle.failed(source, account);
		}
		else if (status >= 200 && status < 300) {
			this.throttle.succeeded(source, account);
		}
	}

	/**
	 * The login id a password comes with: the webapp login form's, else HTTP Basic's;
	 * null without a password.
	 */
	static String attemptedAccount(HttpServletRequest request) {
		if (request instanceof LoginForm form) {
			return form.username();
		}
		if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
			return null;
		}
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? decoded.substring(0, colon) : decoded;
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	/**
	 * The webapp login request with its form read here (at most {@link #MAX_FORM} bytes)
	 * to learn the user name, and handed on unread to Camunda's login resource (which
	 * would otherwise warn that a filter consumed its form).
	 */
	static final class LoginForm extends RereadableBody {

		static final int MAX_FORM = 8192;

		LoginForm(HttpServletRequest request) throws IOException {
			super(request, request.getInputStream().readNBytes(MAX_FORM));
		}

		String username() {
			Charset charset = (getCharacterEncoding() != null) ? Charset.forName(getCharacterEncoding())
					: StandardCharsets.UTF_8;
			for (String pair : new String(body(), StandardCharsets.ISO_8859_1).split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0 && pair.substring(0, equals).equals("username")) {
					try {
						return URLDecoder.decode(pair.substring(equals + 1), charset);
					}
					catch (IllegalArgumentException ex) {
						return pair.substring(equals + 1);
					}
				}
			}
			return "";
		}

	}

}
