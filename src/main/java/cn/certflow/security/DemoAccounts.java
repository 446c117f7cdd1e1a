package cn.certflow.security;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one account per role, password = user name, created past the
 * password policy (which refuses a password equal to the user name: the demo is for
 * trying CertFlow on a laptop, never for production). Each account is a person with a
 * (made-up) name, as it is printed where a certificate names its 签发人.
 */
@Component
@Profile("demo")
@Order(1)
class DemoAccounts implements ApplicationRunner {

	static final Map<String, List<String>> USERS = Map.of("reviewer", List.of(Groups.REVIEWERS), "lead",
			List.of(Groups.LEAD_AUDITORS, Groups.AUDITORS), "auditor", List.of(Groups.AUDITORS), "decider",
			List.of(Groups.DECISION_MAKERS), "dual", List.of(Groups.AUDITORS, Groups.DECISION_MAKERS), "quality",
			List.of(Groups.QUALITY_MANAGERS), "quality2", List.of(Groups.QUALITY_MANAGERS), "manager",
			List.of(Groups.MANAGERS), "admin", List.of(Groups.ADMINS));

	/** Family name, given name: printed 刘洋 (family name first, no space). */
	static final Map<String, List<String>> NAMES = Map.of("reviewer", List.of("李", "静"), "lead", List.of("张", "伟"),
			"auditor", List.of("王", "芳"), "decider", List.of("刘", "洋"), "dual", List.of("陈", "杰"), "quality",
			List.of("杨", "丽"), "quality2", List.of("赵", "敏"), "manager", List.of("周", "强"), "admin", List.of("孙", "磊"));

	private final IdentityBootstrap bootstrap;

	DemoAccounts(IdentityBootstrap bootstrap) {
		this.bootstrap = bootstrap;
	}

	@Override
	public void run(ApplicationArguments args) {
		// admin last: the server already answers while the accounts are made (a slow hash
		// each), so whoever waits
		// for admin to log in (scripts, the integration tests' AppNode) finds every other
		// demo account there too
		USERS.keySet()
			.stream()
			.sorted(Comparator.comparing((String user) -> user.equals("admin"))
				.thenComparing(Comparator.naturalOrder()))
			.forEach((user) -> this.bootstrap.ensureUser(user, user, NAMES.get(user).get(1), NAMES.get(user).get(0),
					USERS.get(user), true));
	}

}
