package cn.certflow.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile only: one account per role, password = user name. Never active in production. */
@Component
@Profile("demo")
@Order(1)
class DemoAccounts implements ApplicationRunner {

	static final Map<String, List<String>> USERS = Map.of(
			"reviewer", List.of(Groups.REVIEWERS),
			"lead", List.of(Groups.LEAD_AUDITORS, Groups.AUDITORS),
			"auditor", List.of(Groups.AUDITORS),
			"decider", List.of(Groups.DECISION_MAKERS),
			"dual", List.of(Groups.AUDITORS, Groups.DECISION_MAKERS),
			"quality", List.of(Groups.QUALITY_MANAGERS),
			"quality2", List.of(Groups.QUALITY_MANAGERS),
			"manager", List.of(Groups.MANAGERS),
			"admin", List.of(Groups.ADMINS));

	private final IdentityBootstrap bootstrap;

	DemoAccounts(IdentityBootstrap bootstrap) {
		this.bootstrap = bootstrap;
	}

	@Override
	public void run(ApplicationArguments args) {
		USERS.forEach((user, groups) -> this.bootstrap.ensureUser(user, user, user, groups));
	}

}
