package cn.certflow.bench;

import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.audit.AuditVariables;
import cn.certflow.audit.OnsiteAudit;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * One complete initial certification, every task completed through the Java API as the
 * user who does it in Tasklist (authenticated, under authorization), with the variables
 * of the test driver: register, upload the mandatory documents, application review,
 * contract, document review, plan (audit-time DMN), opening meeting, the two evaluations
 * (Drools termination rules), scoring (grade-pcec DMN), closing meeting, decision
 * (certificate issued).
 */
final class Lifecycle {

	/**
	 * Time of the engine call that completes a task (what a Tasklist "complete" costs the
	 * engine).
	 */
	final Latencies complete = new Latencies();

	/**
	 * Time of a whole step as Tasklist's REST call does it: find the task, authenticate
	 * the user, complete.
	 */
	final Latencies step = new Latencies();

	/** Time to submit an application (start the process, register the application). */
	final Latencies start = new Latencies();

	/**
	 * The audit plan form's team field (a form field, read by the plan listener, not kept
	 * as a process variable).
	 */
	private static final String AUDIT_TEAM = "auditTeam";

	private final CertificationDriver driver;

	private final TaskService tasks;

	/** What each completion costs, when measured ({@link StepCosts}); else null. */
	private final StepCosts costs;

	Lifecycle(CertificationDriver driver, TaskService tasks) {
		this(driver, tasks, null);
	}

	Lifecycle(CertificationDriver driver, TaskService tasks, StepCosts costs) {
		this.driver = driver;
		this.tasks = tasks;
		this.costs = costs;
	}

	/** Runs one certification to its certificate; returns the application number. */
	String run(int pointsLost) {
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 80);
		String number = this.start.time(() -> this.driver.submit(request));
		this.driver.uploadMandatoryDocuments(number);
		String today = EngineTime.today().toString();
		complete("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION,
				CertificationDriver.acceptance(Map.of()));
		complete("reviewer", number, InitialCertification.Elements.SIGN_CONTRACT,
				Map.of(InitialCertification.CONTRACT_NUMBER.getName(), "HT-" + number,
						InitialCertification.CONTRACT_SIGNED_ON.getName(), today));
		// PCEC 8.1: the audit team is appointed first and reviews the documents itself
		complete("lead", number, InitialCertification.Elements.APPOINT_AUDIT_TEAM,
				Map.of(AuditVariables.LEAD_AUDITOR.getName(), "lead", AUDIT_TEAM, "auditor"));
		complete("lead", number, InitialCertification.Elements.REVIEW_DOCUMENTS,
				Map.of(InitialCertification.DOCUMENT_REVIEW_OUTCOME.getName(), "PASSED"));
		complete("lead", number, InitialCertification.Elements.PLAN_AUDIT, Map.of(AuditVariables.LEAD_AUDITOR.getName(),
				"lead", AUDIT_TEAM, "auditor", AuditVariables.PLANNED_DATE.getName(), today));
		complete("lead", number, OnsiteAudit.Elements.OPENING_MEETING,
				Map.of(OnsiteAudit.PLAN_CONFIRMED.getName(), true, OnsiteAudit.ATTENDANCE.getName(), "总经理、售后服务部经理"));
		complete("auditor", number, OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS,
				Map.of(OnsiteAudit.FINDINGS.getName(), "服务特性测评符合要求"));
		complete("auditor", number, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				Map.of(OnsiteAudit.FINDINGS.getName(), "服务管理体系运行有效"));
		complete("lead", number, OnsiteAudit.Elements.SCORE_AUDIT, this.driver.sheetScores("PCEC", pointsLost));
		complete("lead", number, OnsiteAudit.Elements.CLOSING_MEETING,
				Map.of(OnsiteAudit.NONCONFORMITIES.getName(), ""));
		complete("decider", number, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of(InitialCertification.DECISION_OUTCOME.getName(), "CERTIFY"));
		return number;
	}

	/**
	 * Engine transactions a lifecycle commits that write: the start plus eleven task
	 * completions.
	 */
	static final int WRITING_STEPS = 12;

	private void complete(String user, String number, String taskDefinitionKey, Map<String, Object> variables) {
		long begin = System.nanoTime();
		Task task = this.driver.task(number, taskDefinitionKey);
		if (task == null) {
			throw new IllegalStateException("no open task " + taskDefinitionKey + " for " + number);
		}
		Runnable completion = () -> this.complete.time(() -> this.tasks.complete(task.getId(), variables));
		this.driver.as(user,
				(this.costs != null) ? () -> this.costs.measure(taskDefinitionKey, completion) : completion);
		this.step.record(System.nanoTime() - begin);
	}

}
