package cn.certflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.CertificationDriver;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 15 (a), test support: what a task submitter could write into a process before
 * FormFieldsOnly refused it — another client's identifiers and better grades — written
 * here past the guard, straight into every execution of every process of a case (as a
 * submission would land: where the variable lives, else on the process instance). The
 * steps that follow must act on the case's own records and leave the decoy's untouched.
 */
@Component
class Forgery {

	/**
	 * Another client, certified at 5★: its application, audit and certificate are what
	 * the forged variables name.
	 */
	record Decoy(String application, long applicationId, long audit, String certificate) {
	}

	private final RuntimeService runtime;

	private final JdbcClient jdbc;

	private final CertificationDriver driver;

	Forgery(RuntimeService runtime, JdbcClient jdbc, CertificationDriver driver) {
		this.runtime = runtime;
		this.jdbc = jdbc;
		this.driver = driver;
	}

	Decoy decoy(String certificate) {
		long applicationId = this.jdbc.sql("select application_id from certificate where number = ?")
			.param(certificate)
			.query(Long.class)
			.single();
		String application = this.jdbc.sql("select number from application where id = ?")
			.param(applicationId)
			.query(String.class)
			.single();
		return new Decoy(application, applicationId, latestAudit(applicationId), certificate);
	}

	long latestAudit(long applicationId) {
		return this.jdbc.sql("select max(id) from audit where application_id = ?")
			.param(applicationId)
			.query(Long.class)
			.single();
	}

	/**
	 * The identifiers and facts that decide impartiality, grades and certificates, all
	 * pointing at the decoy.
	 */
	Map<String, Object> forged(Decoy decoy) {
		Map<String, Object> forged = new LinkedHashMap<>();
		forged.put("applicationNumber", decoy.application());
		forged.put("auditId", decoy.audit());
		forged.put("certificateNumber", decoy.certificate());
		forged.put("schemeId", "CQM");
		forged.put("stars", 5);
		forged.put("grade", "五星级");
		forged.put("score", "100.0");
		forged.put("certifiedStars", 1);
		forged.put("requestedStars", 5);
		forged.put("auditOutcome", "RECOMMENDED");
		return forged;
	}

	/**
	 * Writes these values into every execution of every running process of the case (its
	 * business key).
	 */
	void forge(String businessKey, Map<String, Object> values) {
		List<ProcessInstance> instances = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey)
			.list();
		for (ProcessInstance instance : instances) {
			for (Execution execution : this.runtime.createExecutionQuery().processInstanceId(instance.getId()).list()) {
				this.runtime.setVariables(execution.getId(), values);
			}
		}
	}

	/** Forges, then completes the task as its user would, with its form's fields only. */
	void complete(Map<String, Object> forged, String user, String businessKey, String taskKey,
			Map<String, Object> form) {
		forge(businessKey, forged);
		this.driver.complete(user, businessKey, taskKey, form);
	}

	/**
	 * Row counts and states of everything recorded about the decoy: a forged step must
	 * leave them as they were.
	 */
	Map<String, Object> state(Decoy decoy) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("history", count("select count(*) from status_change where entity_key in (?, ?, ?)",
				decoy.application(), String.valueOf(decoy.audit()), decoy.certificate()));
		state.put("audit events", count("select count(*) from audit_event where audit_id = ?", decoy.audit()));
		state.put("audit scores", count("select count(*) from audit_score where audit_id = ?", decoy.audit()));
		state.put("nonconformities", count("select count(*) from nonconformity where audit_id = ?", decoy.audit()));
		state.put("audit",
				this.jdbc.sql("select status || '/' || coalesce(outcome, '') from audit where id = ?")
					.param(decoy.audit())
					.query(String.class)
					.single());
		state.put("decisions",
				count("select count(*) from certification_decision where application_id = ?", decoy.applicationId()));
		state.put("notices",
				count("select count(*) from client_notice where application_id = ?", decoy.applicationId()));
		state.put("document reviews",
				count("select count(*) from document_review where application_id = ?", decoy.applicationId()));
		state.put("escalations",
				count("select count(*) from escalation where application_id = ?", decoy.applicationId()));
		state.put("application",
				this.jdbc.sql("select status || '/' || coalesce(contract_number, '') from application where id = ?")
					.param(decoy.applicationId())
					.query(String.class)
					.single());
		state.put("certificate",
				this.jdbc
					.sql("select status || '/' || stars || '/' || revision || '/' || holder_name"
							+ " from certificate where number = ?")
					.param(decoy.certificate())
					.query(String.class)
					.single());
		state.put("revisions",
				count("select count(*) from certificate_revision where certificate_number = ?", decoy.certificate()));
		state.put("surveillances", this.jdbc.sql("select id || ':' || status || ':' || coalesce(audit_id, 0) || ':'"
				+ " || coalesce(cast(escalated_at as varchar(40)), '') from surveillance where certificate_number = ? order by id")
			.param(decoy.certificate())
			.query(String.class)
			.list());
		state.put("requests", this.jdbc
			.sql("select id || ':' || status from certificate_request where certificate_number = ?" + " order by id")
			.param(decoy.certificate())
			.query(String.class)
			.list());
		return state;
	}

	private long count(String sql, Object... parameters) {
		return this.jdbc.sql(sql).params(parameters).query(Long.class).single();
	}

}
