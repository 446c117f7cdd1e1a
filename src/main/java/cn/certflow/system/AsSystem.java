package cn.certflow.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine queries as the system, without the caller's engine authorizations, and
 * gives the caller's authentication back after: for reads our own access checks have
 * already allowed (the accreditation file) or that are no disclosure (whether an account
 * exists, a person's name).
 */
@Component
public class AsSystem {

	private final IdentityService identity;

	AsSystem(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T query(Supplier<T> query) {
		Authentication caller = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			return query.get();
		}
		finally {
			if (caller != null) {
				this.identity.setAuthentication(caller);
			}
		}
	}

}
