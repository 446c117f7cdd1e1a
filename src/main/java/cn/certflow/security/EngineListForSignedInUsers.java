package cn.certflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 15, point 8: the webapps' list of process engine names
 * ({@code GET /camunda/api/engine/engine/}) is for signed-in users. Camunda's webapp
 * security rules let it through without a session (its rule {@code /api/engine/engine/},
 * GET, no authorizer), which told anybody what engines run here; this filter answers 401
 * unless the session holds a webapp login (the same login Tasklist, Cockpit and Admin
 * use; Camunda's REST API at {@code /engine-rest/engine} needs HTTP Basic credentials
 * already, see RestAuthentication).
 *
 * <p>
 * The webapps' login form asks for the list once before it posts the credentials (and
 * ignores the answer); the webapps' {@code scripts/config.js} load
 * {@code scripts/certflow-engine-list.js}, which lets that one call's 401 count as the
 * list of the engine named in the page's own address, so signing in works as before.
 */
@Configuration(proxyBeanMethods = false)
class EngineListForSignedInUsers {

	static final String ENGINE_LIST = "/camunda/api/engine/engine";

	@Bean
	FilterRegistrationBean<Guard> engineListGuard() {
		FilterRegistrationBean<Guard> registration = new FilterRegistrationBean<>(new Guard());
		registration.setName("engine-list-for-signed-in-users");
		registration.addUrlPatterns(ENGINE_LIST, ENGINE_LIST + "/");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 110);
		return registration;
	}

	static final class Guard extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (signedIn(request.getSession(false))) {
				chain.doFilter(request, response);
				return;
			}
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter().write("{\"type\":\"AuthenticationException\",\"message\":\"sign in first\"}");
		}

		static boolean signedIn(HttpSession session) {
			if (session == null) {
				return false;
			}
			Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
			return authentications != null && !authentications.getAuthentications().isEmpty();
		}

	}

}
