package cn.certflow.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the certification body's groups, their authorizations and the Tasklist filters
 * at every start (idempotent). Outside the demo profile the first administrator comes
 * from CERTFLOW_ADMIN_USER / CERTFLOW_ADMIN_PASSWORD; there is no built-in account or
 * password.
 */
@Component
@Order(0)
class IdentityBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

	static final String MY_TASKS_FILTER = "我的任务";

	static final String ALL_TASKS_FILTER = "全部任务";

	static final String OVERDUE_FILTER = "逾期任务";

	static final String AWAITING_DECISION_FILTER = TasklistFilterKeys.Filter.DECISIONS.filterName();

	/**
	 * Descriptions this class gave its filters before: a filter still carrying one was
	 * never edited by an administrator and takes the current definition.
	 */
	private static final Set<String> FORMER_DESCRIPTIONS = Set.of("等待复核与认证决定的申请（R-DEC-1）");

	private final IdentityService identity;

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationSetup authorizations;

	private final List<TasklistFilterKeys> filterKeys;

	private final String adminUser;

	private final String adminPassword;

	IdentityBootstrap(IdentityService identity, FilterService filters, TaskService tasks,
			AuthorizationSetup authorizations, List<TasklistFilterKeys> filterKeys,
			@Value("${certflow.admin.user:}") String adminUser,
			@Value("${certflow.admin.password:}") String adminPassword) {
		this.identity = identity;
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
		this.filterKeys = filterKeys;
		this.adminUser = adminUser;
		this.adminPassword = adminPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String groupId : Groups.ALL) {
			ensureGroup(groupId);
		}
		ensureGroup(Groups.CLIENTS);
		this.authorizations.apply();
		ensureFilters();
		if (!this.adminUser.isBlank()) {
			if (this.adminPassword.isBlank()) {
				throw new IllegalStateException("CERTFLOW_ADMIN_USER is set but CERTFLOW_ADMIN_PASSWORD is empty");
			}
			try {
				ensureUser(this.adminUser, this.adminPassword, "Administrator", "", List.of(Groups.ADMINS), false);
			}
			catch (BadUserRequestException ex) {
				throw new IllegalStateException(
						"CERTFLOW_ADMIN_PASSWORD 不符合密码策略 (does not match the password policy): " + ex.getMessage(), ex);
			}
			log.info("Administrator '{}' ensured from CERTFLOW_ADMIN_USER", this.adminUser);
		}
	}

	/**
	 * Creates the account unless it exists. Its password must satisfy the password policy
	 * (AccountSecurityPlugin) unless {@code policyExempt}: the demo profile's accounts
	 * only, whose password is their user name.
	 */
	void ensureUser(String userId, String password, String firstName, String lastName, List<String> groups,
			boolean policyExempt) {
		if (this.identity.createUserQuery().userId(userId).count() == 0) {
			User user = this.identity.newUser(userId);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(userId + "@certflow.example");
			user.setPassword(password);
			if (policyExempt) {
				((IdentityServiceImpl) this.identity).saveUser(user, true);
			}
			else {
				this.identity.saveUser(user);
			}
		}
		for (String group : groups) {
			if (this.identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
				this.identity.createMembership(userId, group);
			}
		}
	}

	private void ensureGroup(String groupId) {
		if (this.identity.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = this.identity.newGroup(groupId);
			group.setName(Groups.displayName(groupId));
			group.setType(Groups.ADMINS.equals(groupId) ? "SYSTEM" : "WORKFLOW");
			this.identity.saveGroup(group);
		}
	}

	private void ensureFilters() {
		Filter mine = ensureFilter(MY_TASKS_FILTER, -10, "我的任务与我所在组的待办任务",
				this.tasks.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateUserExpression("${currentUser()}")
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.endOr());
		Filter overdue = ensureFilter(OVERDUE_FILTER, -5, "已过期限的任务（我的与我所在组的；管理者看全部可见任务）",
				this.tasks.createTaskQuery().dueBeforeExpression("${now()}"));
		for (TasklistFilterKeys.Filter kind : TasklistFilterKeys.Filter.values()) {
			String[] keys = this.filterKeys.stream()
				.filter(k -> k.filter() == kind)
				.flatMap(k -> k.taskDefinitionKeys().stream())
				.distinct()
				.toArray(String[]::new);
			if (keys.length == 0) {
				continue;
			}
			TaskQuery query = this.tasks.createTaskQuery().taskDefinitionKeyIn(keys);
			if (kind == TasklistFilterKeys.Filter.CLIENT_TASKS) {
				// the client's tasks only (not a staff task of the same process), soonest
				// due first: the overdue ones at the top
				query = query.taskCandidateGroup(Groups.CLIENTS).orderByDueDate().asc();
			}
			Filter filter = ensureFilter(kind.filterName(), kind.priority(), kind.description(), query);
			kind.groups().forEach((group) -> this.authorizations.grantFilter(filter.getId(), group));
			this.authorizations.grantFilter(filter.getId(), Groups.MANAGERS);
		}
		Filter all = ensureFilter(ALL_TASKS_FILTER, 10, "所有可见的任务（管理者）", this.tasks.createTaskQuery());
		for (String group : Groups.ALL) {
			this.authorizations.grantFilter(mine.getId(), group);
			this.authorizations.grantFilter(overdue.getId(), group);
		}
		this.authorizations.grantFilter(all.getId(), Groups.MANAGERS);
		this.authorizations.grantFilter(all.getId(), Groups.ADMINS);
	}

	// find-or-create on purpose (issue 16 reviewed it): a filter an administrator has
	// edited since is not overwritten
	private Filter ensureFilter(String name, int priority, String description,
			org.camunda.bpm.engine.task.TaskQuery query) {
		Filter existing = this.filters.createTaskFilterQuery().filterName(name).singleResult();
		if (existing != null && !FORMER_DESCRIPTIONS.contains(existing.getProperties().get("description"))) {
			return existing;
		}
		Filter filter = (existing != null) ? existing : this.filters.newTaskFilter(name);
		filter.setOwner(Groups.ADMINS);
		filter.setQuery(query);
		filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
		return this.filters.saveFilter(filter);
	}

}
