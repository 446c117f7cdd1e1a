package cn.certflow.web;

import java.util.Optional;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.WebappSession;
import cn.certflow.security.WebappSession.StaffUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Who may open a staff page (issue 19.7): a person signed in to the Camunda webapps in
 * this browser (one login with Tasklist) or sending HTTP Basic credentials, and in one of
 * the certification body's groups ({@link ApiAccess#STAFF}); a browser without a login
 * goes to Tasklist's login, any other caller gets 401, and a signed-in person outside the
 * staff groups (a client account) gets 403 before any page runs. The signed-in person is
 * the engine's current authentication while the page runs, so that the pages ask
 * {@link ApiAccess} as the API does (who may see which application, certificate, case),
 * and the page model gets the user and the navigation links of their groups.
 */
public class StaffAccess implements HandlerInterceptor {

	static final String USER_ATTRIBUTE = StaffAccess.class.getName() + ".user";

	private final WebappSession session;

	private final IdentityService identity;

	StaffAccess(WebappSession session, IdentityService identity) {
		this.session = session;
		this.identity = identity;
	}

	/** The staff member of this request (set before any staff page runs). */
	public static StaffUser user(HttpServletRequest request) {
		return (StaffUser) request.getAttribute(USER_ATTRIBUTE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Optional<StaffUser> user = this.session.user(request);
		if (user.isEmpty()) {
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			if ("GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
					&& request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
				response.sendRedirect(request.getContextPath() + WebappSession.LOGIN_PAGE);
				return false;
			}
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"CertFlow\", charset=\"UTF-8\"");
			refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "需要登录：请先登录 Tasklist，或使用 HTTP Basic 认证。");
			return false;
		}
		if (!user.get().inAnyOf(ApiAccess.STAFF)) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN,
					"无权查看：员工页面只供认证机构人员使用；" + user.get().id() + " 不在认证机构人员的组中。");
			return false;
		}
		request.setAttribute(USER_ATTRIBUTE, user.get());
		this.identity.setAuthentication(user.get().id(), user.get().groups());
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView != null && modelAndView.getViewName() != null
				&& !modelAndView.getViewName().startsWith("redirect:")) {
			StaffUser user = user(request);
			modelAndView.addObject("user", user);
			modelAndView.addObject("nav", StaffNavigation.linksFor(user));
			modelAndView.addObject("words", Words.INSTANCE);
		}
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(USER_ATTRIBUTE) != null) {
			this.identity.clearAuthentication();
		}
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws Exception {
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(message);
	}

}
