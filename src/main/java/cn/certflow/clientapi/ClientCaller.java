package cn.certflow.clientapi;

import cn.certflow.portal.ClientAccount;
import cn.certflow.portal.ClientAccounts;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The client account calling the client API (issue 18): the user HTTP Basic signed in
 * (security.RestAuthentication lets only client accounts reach {@code /api/client/**}).
 */
@Component
class ClientCaller {

	private final IdentityService identity;

	private final ClientAccounts accounts;

	ClientCaller(IdentityService identity, ClientAccounts accounts) {
		this.identity = identity;
		this.accounts = accounts;
	}

	ClientAccount account() {
		Authentication authentication = this.identity.getCurrentAuthentication();
		String user = (authentication != null) ? authentication.getUserId() : null;
		return this.accounts.of(user)
			.orElseThrow(() -> new AuthorizationException(
					"客户接口 /api/client 只供客户账户使用 (the client API is for client accounts)"));
	}

}
