package cn.certflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Cross-site request forgery protection for our own server-rendered pages (the client
 * portal under {@code /portal/} and the staff pages under {@code /staff/}): one random
 * token per HTTP session, put in every page's model as {@code csrf} (a form sends it as
 * the hidden field {@code _csrf}, a script as the header {@code X-CSRF-Token}); a POST,
 * PUT, PATCH or DELETE without the session's token is refused with 403 and a Chinese
 * message before any handler runs, so nothing changes. The Camunda webapps keep their own
 * protection.
 */
public class PageForms implements HandlerInterceptor {

	/** The model attribute, form field and header names. */
	public static final String MODEL_ATTRIBUTE = "csrf";

	public static final String FIELD = "_csrf";

	public static final String HEADER = "X-CSRF-Token";

	static final String SESSION_ATTRIBUTE = PageForms.class.getName() + ".token";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The token of this browser's session, made on first use. */
	public static String token(HttpServletRequest request) {
		HttpSession session = request.getSession(true);
		Object token = session.getAttribute(SESSION_ATTRIBUTE);
		if (token instanceof String value) {
			return value;
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		session.setAttribute(SESSION_ATTRIBUTE, value);
		return value;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return true;
		}
		HttpSession session = request.getSession(false);
		Object expected = (session != null) ? session.getAttribute(SESSION_ATTRIBUTE) : null;
		String sent = request.getHeader(HEADER);
		if (sent == null) {
			sent = request.getParameter(FIELD);
		}
		if (expected instanceof String value && sent != null && MessageDigest
			.isEqual(value.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
			return true;
		}
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write("页面已过期或请求来源不明（缺少有效的 _csrf 令牌），未做任何修改。请刷新页面后重试。");
		return false;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView != null && !modelAndView.getViewName().startsWith("redirect:")) {
			modelAndView.addObject(MODEL_ATTRIBUTE, token(request));
		}
	}

}
