package cn.certflow.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What must hold on every simulated day (issue 22): no timer fired twice, none left due
 * at the end of the day, no incident, no task past its due date without the escalation
 * its model attaches to it (a boundary timer that fired after the due date), and every
 * certificate's status as its validity says (VALID or SUSPENDED only until the expiry
 * date, EXPIRED only after it). Each violation is counted by kind with its first
 * examples.
 */
final class YearInvariants {

	private static final int EXAMPLES = 5;

	private final ManagementService management;

	private final RuntimeService runtime;

	private final TaskService tasks;

	private final HistoryService history;

	private final JdbcTemplate jdbc;

	private final Set<String> firedTimers = new HashSet<>();

	private final Set<String> incidentsSeen = new HashSet<>();

	private final Set<String> overdueReported = new HashSet<>();

	private final Map<String, Integer> violations = new LinkedHashMap<>();

	private final Map<String, List<String>> examples = new LinkedHashMap<>();

	private final Set<String> leftOut;

	int daysChecked;

	int failedJobRuns;

	final List<String> failureExamples = new ArrayList<>();

	YearInvariants(ManagementService management, RuntimeService runtime, TaskService tasks, HistoryService history,
			JdbcTemplate jdbc, Set<String> leftOut) {
		this.leftOut = leftOut;
		this.management = management;
		this.runtime = runtime;
		this.tasks = tasks;
		this.history = history;
		this.jdbc = jdbc;
	}

	/**
	 * Before a job runs: a timer with the same definition, execution and due date runs
	 * once.
	 */
	void firing(Job job) {
		if (job.getDuedate() == null) {
			return;
		}
		String key = job.getJobDefinitionId() + "/" + job.getExecutionId() + "/" + job.getDuedate().getTime();
		if (!this.firedTimers.add(key)) {
			violation("timer fired twice", key);
		}
	}

	/**
	 * A job that threw is left to its retries; with none left it becomes an incident
	 * (counted at day end).
	 */
	synchronized void jobFailed(Job job, RuntimeException ex) {
		this.failedJobRuns++;
		if (this.failureExamples.size() < EXAMPLES) {
			this.failureExamples.add(job.getProcessDefinitionKey() + ": " + ex.getMessage());
		}
	}

	void endOfDay(LocalDate day) {
		this.daysChecked++;
		long due = this.management.createJobQuery().executable().count();
		if (due > 0) {
			violation("due job not executed by the end of the day", day + ": " + due);
		}
		for (Incident incident : this.runtime.createIncidentQuery().list()) {
			if (this.incidentsSeen.add(incident.getId())) {
				violation("incident", day + " " + incident.getActivityId() + ": " + incident.getIncidentMessage());
			}
		}
		overdueTasksEscalated(day);
		certificateStatuses(day);
	}

	private void overdueTasksEscalated(LocalDate day) {
		Date now = ClockUtil.getCurrentTime();
		for (Task task : this.tasks.createTaskQuery().active().dueBefore(now).list()) {
			if (this.overdueReported.contains(task.getId())) {
				continue;
			}
			// the escalation may sit on the call activity in the calling process (the
			// lifecycle's 监督到期未完成 on a surveillance audit's planning task)
			long escalations = 0;
			for (String instance = task.getProcessInstanceId(); instance != null
					&& escalations == 0; instance = superInstance(instance)) {
				escalations = this.history.createHistoricActivityInstanceQuery()
					.processInstanceId(instance)
					.activityType("boundaryTimer")
					.startedAfter(task.getDueDate())
					.count();
			}
			if (escalations == 0 && task.getDueDate().getTime() < now.getTime() - 24 * 3600_000L) {
				this.overdueReported.add(task.getId());
				violation("task overdue for a day without its escalation",
						day + " " + task.getTaskDefinitionKey() + kind(task) + " due " + task.getDueDate());
			}
		}
	}

	/** The kind of an audit after certification the task belongs to, if it does. */
	private String kind(Task task) {
		Object kind = this.runtime.getVariable(task.getExecutionId(), "auditKind");
		return (kind != null) ? " (" + kind + ")" : "";
	}

	private String superInstance(String processInstanceId) {
		return this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult()
			.getSuperProcessInstanceId();
	}

	private void certificateStatuses(LocalDate day) {
		this.jdbc.query("select number, status, expires_on from certificate", (rs) -> {
			if (this.leftOut.contains(rs.getString("number"))) {
				return;
			}
			String status = rs.getString("status");
			LocalDate expires = rs.getDate("expires_on").toLocalDate();
			if (("VALID".equals(status) || "SUSPENDED".equals(status)) && expires.isBefore(day)) {
				violation("certificate in force after its expiry date",
						day + " " + rs.getString("number") + " " + status + " expires " + expires);
			}
			if ("EXPIRED".equals(status) && !expires.isBefore(day)) {
				violation("certificate expired before its expiry date",
						day + " " + rs.getString("number") + " expires " + expires);
			}
		});
	}

	private void violation(String kind, String example) {
		this.violations.merge(kind, 1, Integer::sum);
		List<String> list = this.examples.computeIfAbsent(kind, (k) -> new ArrayList<>());
		if (list.size() < EXAMPLES) {
			list.add(example);
		}
	}

	int total() {
		return this.violations.values().stream().mapToInt(Integer::intValue).sum();
	}

	Map<String, Integer> violations() {
		return this.violations;
	}

	Map<String, List<String>> examples() {
		return this.examples;
	}

}
