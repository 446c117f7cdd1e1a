package cn.certflow.appeal;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import cn.certflow.system.AsEngine;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * Everyone who handled a task of some process instances (R-APL-1, PCEC 14): whoever was
 * its assignee, claimed it or completed it, as the engine's history and user operation
 * log keep them (history level full). Asked of the engine without the caller's own
 * authorizations, which would hide the very history being asked about.
 */
@Component
class TaskHandlers {

	private static final Set<String> HANDLING = Set.of(UserOperationLogEntry.OPERATION_TYPE_COMPLETE,
			UserOperationLogEntry.OPERATION_TYPE_CLAIM);

	private final HistoryService history;

	private final AsEngine asEngine;

	TaskHandlers(HistoryService history, AsEngine asEngine) {
		this.history = history;
		this.asEngine = asEngine;
	}

	/**
	 * The user ids of everyone who handled a task of the processes with these business
	 * keys.
	 */
	Set<String> of(Collection<String> businessKeys) {
		if (businessKeys.isEmpty()) {
			return Set.of();
		}
		return this.asEngine.call(() -> {
			Set<String> persons = new TreeSet<>();
			Set<String> instances = new TreeSet<>();
			for (HistoricTaskInstance task : this.history.createHistoricTaskInstanceQuery()
				.processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new))
				.list()) {
				if (task.getAssignee() != null) {
					persons.add(task.getAssignee());
				}
				instances.add(task.getProcessInstanceId());
			}
			for (String instance : instances) {
				this.history.createUserOperationLogQuery()
					.processInstanceId(instance)
					.entityType(EntityTypes.TASK)
					.list()
					.stream()
					.filter(entry -> HANDLING.contains(entry.getOperationType()) && entry.getUserId() != null)
					.forEach(entry -> persons.add(entry.getUserId()));
			}
			return persons;
		});
	}

}
