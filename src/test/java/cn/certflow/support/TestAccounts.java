package cn.certflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Accounts a test makes for itself, beside the demo accounts. */
public final class TestAccounts {

	private TestAccounts() {
	}

	/**
	 * A user with this password (it must satisfy the password policy) in these groups.
	 */
	public static String create(IdentityService identity, String id, String password, String firstName, String lastName,
			String... groups) {
		User user = identity.newUser(id);
		user.setFirstName(firstName);
		user.setLastName(lastName);
		user.setPassword(password);
		identity.saveUser(user);
		for (String group : groups) {
			identity.createMembership(id, group);
		}
		return id;
	}

}
