package cn.certflow.security;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;

/**
 * Who is calling one of our server-rendered staff pages: the user signed in to the
 * Camunda webapps in this browser (Tasklist, Cockpit: the webapps keep their login in the
 * HTTP session, so staff log in once), else the HTTP Basic caller, checked against the
 * identity service as our API does. Only the identity is taken from the session; the
 * groups are read from the identity service on every request, so a removed membership
 * counts at once.
 */
@Component
public class WebappSession {

	/** Where a browser without a login is sent: Tasklist's login. */
	public static final String LOGIN_PAGE = "/camunda/app/tasklist/default/";

	/**
	 * A signed-in staff member.
	 *
	 * @param id user id
	 * @param groups the user's groups now
	 */
	public record StaffUser(String id, List<String> groups) {

		public boolean inAnyOf(String... wanted) {
			return Arrays.stream(wanted).anyMatch(this.groups::contains);
		}

	}

	private final ProcessEngine engine;

	private final IdentityService identity;

	WebappSession(ProcessEngine engine, IdentityService identity) {
		this.engine = engine;
		this.identity = identity;
	}

	/**
	 * The caller, if signed in to the webapps or sending valid HTTP Basic credentials.
	 */
	public Optional<StaffUser> user(HttpServletRequest request) {
		return webappLogin(request).or(() -> basic(request))
			.map((id) -> new StaffUser(id,
					this.identity.createGroupQuery().groupMember(id).list().stream().map(Group::getId).toList()));
	}

	private Optional<String> webappLogin(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
		if (authentications == null
				|| authentications.getAuthenticationForProcessEngine(this.engine.getName()) == null) {
			return Optional.empty();
		}
		return Optional
			.ofNullable(authentications.getAuthenticationForProcessEngine(this.engine.getName()).getIdentityId());
	}

	private Optional<String> basic(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return Optional.empty();
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return Optional.empty();
		}
		String user = decoded.substring(0, colon);
		return this.identity.checkPassword(user, decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
	}

}
