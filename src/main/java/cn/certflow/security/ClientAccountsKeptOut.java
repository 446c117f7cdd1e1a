package cn.certflow.security;

import java.io.IOException;
import java.util.Date;
import java.util.List;

import cn.certflow.system.EngineTime;
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
			if (isClient(login)) {
				authentications.removeByEngineName(login.getProcessEngineName());
				removed = true;
			}
		}
		if (removed) {
			AuthenticationUtil.updateSession(session, authentications);
		}
		return removed;
	}

	/**
	 * A client login, by the groups the webapps hold for it while they are fresh: loaded
	 * at the login and again by the webapps' authentication cache once its time-to-live
	 * has passed ({@code camunda.bpm.webapp.auth.cache.time-to-live}, 5 minutes) — the
	 * groups the engine authorizes every request of this session with. Only when they are
	 * due to be loaded again (or were never loaded) is the identity service asked, so a
	 * staff account made a client while logged in is refused at its first request after
	 * that time, and the other requests of a staff session ask no table (issue 22: this
	 * was two transactions of every Tasklist and Cockpit request).
	 */
	boolean isClient(UserAuthentication login) {
		List<String> groups = login.getGroupIds();
		if (groups != null && groups.contains(Groups.CLIENTS)) {
			return true;
		}
		Date fresh = login.getCacheValidationTime();
		if (groups != null && fresh != null && EngineTime.nowDate().before(fresh)) {
			return false;
		}
		String userId = login.getIdentityId();
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
