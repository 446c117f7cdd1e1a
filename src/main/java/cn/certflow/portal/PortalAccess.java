package cn.certflow.portal;

import java.util.Optional;

import cn.certflow.security.Groups;
import cn.certflow.security.WebappSession;
import cn.certflow.security.WebappSession.StaffUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Who may open a client portal page (issue 18): a client account signed in to the portal
 * ({@link PortalSession}); the page model gets it as {@code account}. A browser without a
 * portal login goes to the portal's login page; a staff login (Tasklist session or HTTP
 * Basic) gets 403 before any page runs; any other caller 401. The login, logout and
 * set-password pages are open ({@link PortalPagesConfiguration}).
 */
class PortalAccess implements HandlerInterceptor {

	static final String ACCOUNT_ATTRIBUTE = PortalAccess.class.getName() + ".account";

	static final String STAFF_REFUSED = "无权访问：客户门户只供客户账户使用，认证机构人员请使用 Tasklist 和员工页面。";

	private final PortalSession session;

	private final WebappSession staff;

	PortalAccess(PortalSession session, WebappSession staff) {
		this.session = session;
		this.staff = staff;
	}

	/** The signed-in client account of this request (set before any portal page runs). */
	static ClientAccount account(HttpServletRequest request) {
		return (ClientAccount) request.getAttribute(ACCOUNT_ATTRIBUTE);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		Optional<ClientAccount> account = this.session.account(request);
		if (account.isPresent()) {
			request.setAttribute(ACCOUNT_ATTRIBUTE, account.get());
			return true;
		}
		Optional<StaffUser> other = this.staff.user(request);
		if (other.isPresent() && !other.get().inAnyOf(Groups.CLIENTS)) {
			refuse(response, HttpServletResponse.SC_FORBIDDEN, STAFF_REFUSED);
			return false;
		}
		if ("GET".equals(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			response.sendRedirect(request.getContextPath() + "/portal/login");
			return false;
		}
		refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "需要登录：请先在 /portal/login 登录客户门户。");
		return false;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView != null && modelAndView.getViewName() != null
				&& !modelAndView.getViewName().startsWith("redirect:")) {
			modelAndView.addObject("account", account(request));
		}
	}

	private static void refuse(HttpServletResponse response, int status, String message) throws Exception {
		response.setStatus(status);
		response.setContentType("text/plain;charset=UTF-8");
		response.getWriter().write(message);
	}

}
