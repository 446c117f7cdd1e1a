package cn.certflow.security;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Client accounts (group {@link Groups#CLIENTS}, issue 18) have the client portal and
 * {@code /api/client} and nothing else: a webapp login of theirs (Tasklist, Cockpit,
 * Admin, the welcome page) is taken out of the session and refused 403, so the webapps'
 * own engine API ({@code /camunda/api/**}) never serves them, whatever the engine's
 * candidate-group rules would show. {@code /engine-rest} and the staff API refuse them in
 * {@link RestAuthentication}.
 */
class ClientAccountsKeptOut extends OncePerRequestFilter {

	static final String REFUSED = "客户账户只能使用客户门户 /portal/ (client accounts use the client portal only)";

	private final IdentityService identity;

	ClientAccountsKeptOut(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (removeClientLogins(request)) {
			ProblemResponse.send(response, HttpStatus.FORBIDDEN, REFUSED);
			return;
		}
		chain.doFilter(request, response);
		// a login just made by a client account (the welcome page grants every user) is
		// undone at once
		if (removeClientLogins(request) && !response.isCommitted()) {
			response.reset();
			ProblemResponse.send(response, HttpStatus.FORBIDDEN, REFUSED);
		}
	}

	private boolean removeClientLogins(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return false;
		}
		Authentications authentications;
		try {
			authentications = AuthenticationUtil.getAuthsFromSession(session);
		}
		catch (IllegalStateException ex) {
			return false;
		}
		if (authentications == null) {
			return false;
		}
		boolean removed = false;
		for (UserAuthentication login : List.copyOf(authentications.getAuthentications())) {
			if (isClient(login.getIdentityId(), login.getGroupIds())) {
				authentications.removeByEngineName(login.getProcessEngineName());
				removed = true;
			}
		}
		if (removed) {
			AuthenticationUtil.updateSession(session, authentications);
		}
		return removed;
	}

	boolean isClient(String userId, List<String> groups) {
		if (groups != null && groups.contains(Groups.CLIENTS)) {
			return true;
		}
		return userId != null
				&& this.identity.createUserQuery().userId(userId).memberOfGroup(Groups.CLIENTS).count() > 0;
	}

	/**
	 * Whether the engine command's caller (set by the REST authentication) is a client.
	 */
	static boolean callerIsClient(IdentityService identity) {
		Authentication caller = identity.getCurrentAuthentication();
		return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CLIENTS);
	}

}
