package cn.certflow.portal;

import java.util.List;
import java.util.Map;

import cn.certflow.security.Groups;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasklist filter 客户待办 (issue 18): the tasks the certification body waits for from
 * clients, earliest deadline first, for reviewers, managers and administrators; the
 * overdue ones show in red (Tasklist marks a past due date) and in 逾期任务. Made at start if
 * missing (an administrator's edits are kept).
 */
@Component
@Order(1)
class ClientTasksFilter implements ApplicationRunner {

	static final String NAME = "客户待办";

	static final List<String> READERS = List.of(Groups.REVIEWERS, Groups.MANAGERS, Groups.ADMINS);

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	ClientTasksFilter(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	@Override
	public void run(ApplicationArguments args) {
		Filter filter = this.filters.createTaskFilterQuery().filterName(NAME).singleResult();
		if (filter == null) {
			filter = this.filters.newTaskFilter(NAME);
			filter.setOwner(Groups.ADMINS);
			filter.setQuery(this.tasks.createTaskQuery().taskCandidateGroup(Groups.CLIENTS).orderByDueDate().asc());
			filter.setProperties(
					Map.of("priority", -4, "description", "等待客户完成的事项（整改文件、整改措施与证据、记录确认）；逾期的以红色显示", "refresh", true));
			filter = this.filters.saveFilter(filter);
		}
		for (String group : READERS) {
			if (this.authorizations.createAuthorizationQuery()
				.groupIdIn(group)
				.resourceType(Resources.FILTER)
				.resourceId(filter.getId())
				.count() == 0) {
				Authorization grant = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				grant.setGroupId(group);
				grant.setResource(Resources.FILTER);
				grant.setResourceId(filter.getId());
				grant.addPermission(Permissions.READ);
				this.authorizations.saveAuthorization(grant);
			}
		}
	}

}
