package cn.certflow.staff;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.EngineTime;
import cn.certflow.web.GroupNames;
import cn.certflow.system.AsEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The managers' figures (issue 19.4): open and overdue tasks by step and by team
 * (candidate group) and by person (assignee), and certificates by status and scheme. The
 * task figures count every open task of the engine, whoever asks (the dashboard's readers
 * oversee all work), so the engine's per-task authorization is left out for them. Reads;
 * writes nothing.
 */
@Service
class WorkInProgress {

	/** Title suffix that Tasklist's task names carry (client, scheme). */
	static final String TITLE_SEPARATOR = " – ";

	/**
	 * One line of a count: open tasks and how many of them are past their due date.
	 */
	record Count(String name, int open, int overdue) {
	}

	record CertificateCount(String scheme, String status, int count) {
	}

	private final TaskService tasks;

	private final AsEngine asEngine;

	private final JdbcClient jdbc;

	WorkInProgress(TaskService tasks, AsEngine asEngine, JdbcClient jdbc) {
		this.tasks = tasks;
		this.asEngine = asEngine;
		this.jdbc = jdbc;
	}

	/** Open tasks by step (the task's name without the client and scheme). */
	List<Count> bySteps() {
		Date now = EngineTime.nowDate();
		Map<String, int[]> counts = new TreeMap<>();
		for (Task task : openTasks()) {
			String name = (task.getName() != null) ? task.getName() : task.getTaskDefinitionKey();
			int cut = name.indexOf(TITLE_SEPARATOR);
			int[] count = counts.computeIfAbsent((cut > 0) ? name.substring(0, cut) : name, (k) -> new int[2]);
			count[0]++;
			if (task.getDueDate() != null && task.getDueDate().before(now)) {
				count[1]++;
			}
		}
		return counts.entrySet().stream().map((e) -> new Count(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
	}

	/** Open tasks offered to each staff group (team), and assigned to each person. */
	List<Count> byTeams() {
		Date now = EngineTime.nowDate();
		return this.asEngine.call(() -> {
			List<Count> counts = new ArrayList<>();
			for (String group : ApiAccess.STAFF) {
				int open = (int) this.tasks.createTaskQuery().active().taskCandidateGroup(group).count();
				int overdue = (int) this.tasks.createTaskQuery()
					.active()
					.taskCandidateGroup(group)
					.dueBefore(now)
					.count();
				if (open > 0) {
					counts.add(new Count(GroupNames.name(group) + "（待认领）", open, overdue));
				}
			}
			Map<String, int[]> byPerson = new TreeMap<>();
			for (Task task : this.tasks.createTaskQuery().active().taskAssigned().list()) {
				int[] count = byPerson.computeIfAbsent(task.getAssignee(), (k) -> new int[2]);
				count[0]++;
				if (task.getDueDate() != null && task.getDueDate().before(now)) {
					count[1]++;
				}
			}
			byPerson.forEach((person, count) -> counts.add(new Count(person + "（已认领）", count[0], count[1])));
			return counts;
		});
	}

	List<CertificateCount> certificates() {
		return this.jdbc
			.sql("select scheme, status, count(*) from certificate group by scheme, status"
					+ " order by scheme, status")
			.query((rs, n) -> new CertificateCount(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	private List<Task> openTasks() {
		return this.asEngine.call(() -> this.tasks.createTaskQuery().active().list());
	}

}
