package cn.certflow.certificate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.system.EngineTime;
import cn.certflow.surveillance.CertificateAudit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Drives certificates through their lifecycle in tests: certifies, moves the engine clock
 * and fires what fell due (the job executor is off in tests), and walks an audit after
 * certification as the roles who do it.
 */
@Component
public class LifecycleDriver {

	private final CertificationDriver driver;

	private final ManagementService management;

	private final RuntimeService runtime;

	private final HistoryService history;

	LifecycleDriver(CertificationDriver driver, ManagementService management, RuntimeService runtime,
			HistoryService history) {
		this.driver = driver;
		this.management = management;
		this.runtime = runtime;
		this.history = history;
	}

	public CertificationDriver certification() {
		return this.driver;
	}

	/**
	 * Sets the engine clock to 09:00 of that day in Beijing and fires every job that is
	 * due by then.
	 */
	public void moveTo(LocalDate day) {
		ClockUtil.setCurrentTime(
				Date.from(LocalDateTime.of(day, java.time.LocalTime.of(9, 0)).atZone(EngineTime.ZONE).toInstant()));
		fireDueJobs();
	}

	/** Executes due jobs until none is left (a job may create the next one). */
	public void fireDueJobs() {
		for (int round = 0; round < 50; round++) {
			List<Job> due = this.management.createJobQuery().executable().list();
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				if (this.management.createJobQuery().jobId(job.getId()).count() > 0) {
					this.management.executeJob(job.getId());
				}
			}
		}
		throw new AssertionError("jobs keep falling due");
	}

	/**
	 * A certified client: a PCEC application graded 5★ less {@code pointsLost}, certified
	 * by {@code decider}.
	 */
	public String certify(int requestedStars, int pointsLost) {
		return certify(CertificationDriver.request("PCEC", requestedStars, 120), pointsLost);
	}

	public String certify(ApplicationRequest request, int pointsLost) {
		String application = this.driver.toDecision(request, pointsLost);
		String processInstanceId = this.driver.instance(application).getId();
		this.driver.complete("decider", application, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		return (String) this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(processInstanceId)
			.variableName(CertificateVariables.CERTIFICATE_NUMBER.getName())
			.singleResult()
			.getValue();
	}

	public ProcessInstance lifecycle(String certificateNumber) {
		return this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(certificateNumber, CertificateLifecycle.KEY)
			.singleResult();
	}

	/**
	 * The plan of an audit after certification, by {@code lead} with {@code auditor},
	 * today.
	 */
	public void plan(String certificateNumber) {
		Map<String, Object> plan = new HashMap<>();
		plan.put("planDecision", "PLAN");
		plan.put("leadAuditor", "lead");
		plan.put("auditTeam", "auditor");
		plan.put("plannedDate", EngineTime.today().toString());
		plan.put("auditContent",
				List.of("NC_FOLLOW_UP", "CERTIFICATE_AND_MARK_USE", "SERVICE_CHARACTERISTICS", "SERVICE_MANAGEMENT"));
		this.driver.complete("lead", certificateNumber, CertificateAudit.Elements.PLAN_AUDIT, plan);
	}

	/**
	 * The on-site audit after the plan: opening, evaluations, scoring with
	 * {@code pointsLost}, closing without findings.
	 */
	public void audit(String certificateNumber, int pointsLost) {
		audit(certificateNumber, "PCEC", pointsLost);
	}

	/** The on-site audit of a certificate of the scheme (its own score sheet). */
	public void audit(String certificateNumber, String schemeId, int pointsLost) {
		this.driver.openAndEvaluate(certificateNumber, "lead", "auditor");
		this.driver.score(certificateNumber, "lead", schemeId, pointsLost);
		this.driver.closeMeeting(certificateNumber, "lead", "");
	}

	public void decide(String certificateNumber, String decision, String reasons) {
		decide(certificateNumber, decision, reasons, Map.of());
	}

	/** The decision with further fields of the decision form. */
	public void decide(String certificateNumber, String decision, String reasons, Map<String, Object> more) {
		Map<String, Object> variables = new HashMap<>(more);
		variables.put("certificateAuditDecision", decision);
		variables.put("certificateAuditReasons", reasons);
		variables.put("sanctionFacts", List.of());
		this.driver.complete("decider", certificateNumber, CertificateAudit.Elements.DECIDE, variables);
	}

	/**
	 * A whole annual surveillance from its planning date: plan, audit with
	 * {@code pointsLost}, decision.
	 */
	public void surveil(String certificateNumber, int pointsLost, String decision) {
		plan(certificateNumber);
		audit(certificateNumber, pointsLost);
		decide(certificateNumber, decision, null);
	}

}
