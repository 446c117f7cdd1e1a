package cn.certflow.portal;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The client account calling {@code /api/client/**} with HTTP Basic (authenticated by
 * RestAuthentication, which lets only client accounts through); 403 for anyone else.
 */
@Component
class ClientCaller {

	private final IdentityService identity;

	private final ClientAccounts accounts;

	ClientCaller(IdentityService identity, ClientAccounts accounts) {
		this.identity = identity;
		this.accounts = accounts;
	}

	ClientAccount require() {
		Authentication caller = this.identity.getCurrentAuthentication();
		String userId = (caller != null) ? caller.getUserId() : null;
		return this.accounts.of(userId)
			.orElseThrow(() -> new AuthorizationException("客户接口只供客户账户使用 (user " + userId + " is no client account)"));
	}

}
