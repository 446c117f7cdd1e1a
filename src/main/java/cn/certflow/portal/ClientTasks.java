package cn.certflow.portal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.security.Groups;
import cn.certflow.system.EngineTime;
import cn.certflow.system.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * What the certification body waits for from the client (issue 18): engine user tasks
 * offered to the group {@code clients}, so that timers, escalations, Tasklist and Cockpit
 * see them. Which client a task is for is decided from our records of the task's process
 * instance (the application certified in it, or in the instance that called it), never
 * from a process variable; another client's task is 404. The client completes it through
 * the engine, signed in as its account, so that the task's listeners and the form-field
 * guard run as for staff.
 */
@Service
class ClientTasks {

	/** An open task of the client: what, for which application, until when. */
	record OpenTask(String id, String key, String name, String applicationNumber, OffsetDateTime due, boolean overdue) {
	}

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final ApplicationService applications;

	ClientTasks(TaskService tasks, RuntimeService runtime, IdentityService identity, ApplicationService applications) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.applications = applications;
	}

	List<OpenTask> open(ClientAccount account) {
		List<OpenTask> open = new ArrayList<>();
		for (Task task : this.tasks.createTaskQuery()
			.taskCandidateGroup(Groups.CLIENTS)
			.orderByTaskCreateTime()
			.asc()
			.list()) {
			application(task).filter(a -> a.creditCode().equals(account.creditCode()))
				.ifPresent(a -> open.add(view(task, a)));
		}
		return open;
	}

	/** The client's open task; 404 when there is none or it is another client's. */
	OpenTask task(ClientAccount account, String taskId) {
		return open(account).stream()
			.filter(t -> t.id().equals(taskId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("taskId", "没有编号为 " + taskId + " 的待办事项"));
	}

	/**
	 * Completes the client's task with the form's values, as the client's account: the
	 * task's listeners check them (400 naming the field, nothing changed).
	 */
	void complete(ClientAccount account, String taskId, Map<String, Object> values) {
		task(account, taskId);
		Authentication previous = this.identity.getCurrentAuthentication();
		this.identity.setAuthentication(account.userId(), List.of(Groups.CLIENTS));
		try {
			this.tasks.complete(taskId, values);
		}
		finally {
			if (previous != null) {
				this.identity.setAuthentication(previous);
			}
			else {
				this.identity.clearAuthentication();
			}
		}
	}

	/**
	 * The application the task's process certifies: that of its instance, else of the
	 * instance that called it (on-site audit).
	 */
	private Optional<ApplicationRecord> application(Task task) {
		String instance = task.getProcessInstanceId();
		for (int depth = 0; instance != null && depth < 3; depth++) {
			try {
				return Optional.of(this.applications.forProcess(instance));
			}
			catch (IllegalStateException ex) {
				ProcessInstance caller = this.runtime.createProcessInstanceQuery()
					.subProcessInstanceId(instance)
					.singleResult();
				instance = (caller != null) ? caller.getId() : null;
			}
		}
		return Optional.empty();
	}

	private static OpenTask view(Task task, ApplicationRecord application) {
		OffsetDateTime due = (task.getDueDate() != null)
				? task.getDueDate().toInstant().atZone(EngineTime.ZONE).toOffsetDateTime() : null;
		return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), application.number(), due,
				due != null && due.isBefore(EngineTime.now()));
	}

}
