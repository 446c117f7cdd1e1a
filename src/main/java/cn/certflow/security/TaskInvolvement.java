package cn.certflow.security;

import java.util.Collection;
import java.util.List;

import cn.certflow.system.AsEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Whether a person holds or held a user task of some process instances, the way the
 * engine shows tasks: as assignee, as candidate user, or through a candidate group they
 * belong to; open tasks from the runtime, finished ones from the history (assignees and
 * candidates are kept in the historic identity links). Asked of the engine without the
 * caller's own authorizations, which would hide the very history being asked about.
 */
@Component
class TaskInvolvement {

	private final TaskService tasks;

	private final HistoryService history;

	private final AsEngine asEngine;

	TaskInvolvement(TaskService tasks, HistoryService history, AsEngine asEngine) {
		this.tasks = tasks;
		this.history = history;
		this.asEngine = asEngine;
	}

	boolean holdsOrHeldATask(String userId, List<String> groupIds, Collection<String> businessKeys) {
		if (businessKeys.isEmpty()) {
			return false;
		}
		String[] keys = businessKeys.toArray(String[]::new);
		return this.asEngine.call(() -> open(userId, groupIds, keys) || finished(userId, groupIds, keys));
	}

	private boolean open(String userId, List<String> groupIds, String[] keys) {
		if (this.tasks.createTaskQuery().processInstanceBusinessKeyIn(keys).taskAssignee(userId).count() > 0
				|| this.tasks.createTaskQuery()
					.processInstanceBusinessKeyIn(keys)
					.taskCandidateUser(userId)
					.includeAssignedTasks()
					.count() > 0) {
			return true;
		}
		return !groupIds.isEmpty() && this.tasks.createTaskQuery()
			.processInstanceBusinessKeyIn(keys)
			.taskCandidateGroupIn(groupIds)
			.includeAssignedTasks()
			.count() > 0;
	}

	private boolean finished(String userId, List<String> groupIds, String[] keys) {
		if (this.history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKeyIn(keys)
			.taskAssignee(userId)
			.count() > 0
				|| this.history.createHistoricTaskInstanceQuery()
					.processInstanceBusinessKeyIn(keys)
					.taskInvolvedUser(userId)
					.count() > 0) {
			return true;
		}
		for (String group : groupIds) {
			if (this.history.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKeyIn(keys)
				.taskHadCandidateGroup(group)
				.count() > 0) {
				return true;
			}
		}
		return false;
	}

}
