package cn.certflow.rules;

/**
 * One {@link RulesService} on the real {@code rules/*.drl} for all rule tests, built
 * once.
 */
final class Rules {

	static final RulesService SERVICE = new RulesService();

	private Rules() {
	}

}
