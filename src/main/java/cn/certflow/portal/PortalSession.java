package cn.certflow.portal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;

/**
 * Who is signed in to the client portal: the client account kept in the browser's HTTP
 * session (the same session as the Camunda webapps', which never hold a client's login).
 * Only the login id is kept; the account and its client are read again on every request,
 * so an account removed from the group {@code clients} is out at once.
 */
@Component
class PortalSession {

	static final String ATTRIBUTE = PortalSession.class.getName() + ".account";

	private final ClientAccounts accounts;

	PortalSession(ClientAccounts accounts) {
		this.accounts = accounts;
	}

	Optional<ClientAccount> account(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String userId)) {
			return Optional.empty();
		}
		return this.accounts.of(userId);
	}

	/** Signs the account in: a new session id (no fixation), the account kept. */
	void signIn(HttpServletRequest request, String userId) {
		request.getSession(true);
		request.changeSessionId();
		request.getSession().setAttribute(ATTRIBUTE, userId);
	}

	void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
			request.changeSessionId();
		}
	}

}
