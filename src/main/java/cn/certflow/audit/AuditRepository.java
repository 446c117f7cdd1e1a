package cn.certflow.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Audits, their teams, events, scores and nonconformities; other packages ask
 * {@link AuditService}.
 */
@Repository
class AuditRepository {

	private final JdbcClient jdbc;

	AuditRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long applicationId, String auditType, int personDays, String leadAuditor, LocalDate plannedOn,
			String plannedBy, String processInstanceId) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into audit (application_id, audit_type, person_days, lead_auditor, planned_on, status,"
					+ " planned_by, planned_at, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(applicationId, auditType, personDays, leadAuditor, plannedOn, AuditStatus.PLANNED.name(), plannedBy,
					EngineTime.now(), processInstanceId)
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** The latest audit planned in this process instance. */
	Optional<AuditRecord> latestOfProcess(String processInstanceId) {
		return this.jdbc
			.sql("select id, application_id, audit_type, outcome from audit where process_instance_id = ?"
					+ " order by id desc")
			.param(processInstanceId)
			.query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getLong("application_id"),
					rs.getString("audit_type"), rs.getString("outcome")))
			.list()
			.stream()
			.findFirst();
	}

	void addTeamMember(long auditId, String userId, String role) {
		this.jdbc.sql("insert into audit_team_member (audit_id, user_id, role) values (?, ?, ?)")
			.params(auditId, userId, role)
			.update();
	}

	/** The audit's team: each member's user id and role (LEAD or MEMBER). */
	List<Map.Entry<String, String>> teamWithRoles(long auditId) {
		return this.jdbc.sql("select user_id, role from audit_team_member where audit_id = ? order by role, user_id")
			.param(auditId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** Everyone on the audit team, lead auditor included (R-PLAN-2, for R-DEC-1). */
	List<String> team(long auditId) {
		return this.jdbc.sql("select user_id from audit_team_member where audit_id = ? order by role, user_id")
			.param(auditId)
			.query(String.class)
			.list();
	}

	/**
	 * Everyone on any audit team of the application (initial, surveillance,
	 * recertification, special…).
	 */
	List<String> teamsOfApplication(long applicationId) {
		return this.jdbc
			.sql("select distinct m.user_id from audit_team_member m join audit a on a.id = m.audit_id"
					+ " where a.application_id = ? order by m.user_id")
			.param(applicationId)
			.query(String.class)
			.list();
	}

	Optional<AuditStatus> status(long auditId) {
		return this.jdbc.sql("select status from audit where id = ?")
			.param(auditId)
			.query(String.class)
			.optional()
			.map(AuditStatus::valueOf);
	}

	void updateStatus(long auditId, AuditStatus status, String outcome) {
		this.jdbc.sql("update audit set status = ?, outcome = ? where id = ?")
			.params(status.name(), outcome, auditId)
			.update();
	}

	void recordEvent(long auditId, String kind, String details, String by) {
		this.jdbc
			.sql("insert into audit_event (audit_id, kind, details, recorded_by, recorded_at) values (?, ?, ?, ?, ?)")
			.params(auditId, kind, details, by, EngineTime.now())
			.update();
	}

	void recordScore(AuditScore score, String itemScores) {
		this.jdbc
			.sql("insert into audit_score (audit_id, scheme, score, stars, grade, decision_key, decision_version,"
					+ " decision_definition_id, explanation, item_scores, scored_by, scored_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(score.auditId(), score.scheme(), score.score(), score.stars(), score.grade(), score.decisionKey(),
					score.decisionVersion(), score.decisionKey() + ":" + score.decisionVersion(), score.explanation(),
					itemScores, score.scoredBy(), score.scoredAt())
			.update();
	}

	/** The latest score of the audit: the one a decision and a certificate rest on. */
	Optional<AuditScore> latestScore(long auditId) {
		return this.jdbc
			.sql("select audit_id, scheme, score, stars, grade, decision_key, decision_version, explanation,"
					+ " scored_by, scored_at from audit_score where audit_id = ? order by id desc")
			.param(auditId)
			.query(AuditRepository::score)
			.list()
			.stream()
			.findFirst();
	}

	void insertNonconformity(long auditId, String description, OffsetDateTime dueAt) {
		this.jdbc.sql("insert into nonconformity (audit_id, description, raised_at, due_at) values (?, ?, ?, ?)")
			.params(auditId, description, EngineTime.now(), dueAt)
			.update();
	}

	void insertSpecialDeductionNonconformity(long auditId, String description, OffsetDateTime dueAt) {
		this.jdbc
			.sql("insert into nonconformity (audit_id, description, raised_at, due_at, special_deduction)"
					+ " values (?, ?, ?, ?, true)")
			.params(auditId, description, EngineTime.now(), dueAt)
			.update();
	}

	int closeNonconformities(long auditId, String by) {
		return this.jdbc
			.sql("update nonconformity set closed_at = ?, closed_by = ? where audit_id = ? and closed_at is null")
			.params(EngineTime.now(), by, auditId)
			.update();
	}

	/**
	 * Closes the open nonconformities of the audit raised by hand (not from special
	 * deductions), or only those from special deductions.
	 */
	int closeNonconformities(long auditId, boolean specialDeductions, String by) {
		return this.jdbc
			.sql("update nonconformity set closed_at = ?, closed_by = ? where audit_id = ? and closed_at is null"
					+ " and special_deduction = ?")
			.params(EngineTime.now(), by, auditId, specialDeductions)
			.update();
	}

	/** The earliest correction deadline of the audit's open nonconformities. */
	Optional<OffsetDateTime> earliestOpenDue(long auditId) {
		return Optional
			.ofNullable(this.jdbc.sql("select min(due_at) from nonconformity where audit_id = ? and closed_at is null")
				.param(auditId)
				.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
				.single());
	}

	int openNonconformities(long auditId) {
		return this.jdbc.sql("select count(*) from nonconformity where audit_id = ? and closed_at is null")
			.param(auditId)
			.query(Integer.class)
			.single();
	}

	/**
	 * A nonconformity with the application its audit belongs to: its corrective action's
	 * documents (issue 18).
	 */
	Optional<CorrectiveActionDocuments.Nonconformity> nonconformity(long id) {
		return this.jdbc.sql(
				"select n.id, n.audit_id, ap.number, n.closed_at from nonconformity n join audit a on a.id = n.audit_id"
						+ " join application ap on ap.id = a.application_id where n.id = ?")
			.param(id)
			.query((rs, n) -> new CorrectiveActionDocuments.Nonconformity(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4) != null))
			.optional();
	}

	/**
	 * The open nonconformities of an audit with the client's answer so far (issue 18.3),
	 * in the order raised.
	 */
	List<ClientCorrectiveActions.OpenNonconformity> openNonconformitiesOfAudit(long auditId) {
		return this.jdbc
			.sql("select id, description, due_at, corrective_action from nonconformity"
					+ " where audit_id = ? and closed_at is null order by id")
			.param(auditId)
			.query((rs, n) -> new ClientCorrectiveActions.OpenNonconformity(rs.getLong(1), rs.getString(2),
					rs.getObject(3, java.time.OffsetDateTime.class), rs.getString(4)))
			.list();
	}

	/** The client's correction and corrective action for a nonconformity. */
	void answerNonconformity(long id, String correctiveAction, String by) {
		this.jdbc.sql("update nonconformity set corrective_action = ?, answered_at = ?, answered_by = ? where id = ?")
			.params(correctiveAction, EngineTime.now(), by, id)
			.update();
	}

	/** The nonconformities of an audit, in the order raised. */
	List<CorrectiveActionDocuments.Raised> nonconformitiesOfAudit(long auditId) {
		return this.jdbc.sql("select id, description from nonconformity where audit_id = ? order by id")
			.param(auditId)
			.query((rs, n) -> new CorrectiveActionDocuments.Raised(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/**
	 * The process that planned the audit (initial-certification or certificate-audit).
	 */
	Optional<String> processInstanceId(long auditId) {
		return this.jdbc.sql("select process_instance_id from audit where id = ? and process_instance_id is not null")
			.param(auditId)
			.query(String.class)
			.optional();
	}

	/**
	 * Nonconformities of every audit of an application, for follow-up at the next audit
	 * (PCEC 10.1): "[open|closed] text".
	 */
	List<String> nonconformitiesOfApplication(long applicationId) {
		return this.jdbc
			.sql("select n.description, n.closed_at from nonconformity n join audit a on a.id = n.audit_id"
					+ " where a.application_id = ? order by n.id")
			.param(applicationId)
			.query((rs, n) -> ((rs.getObject(2) == null) ? "[未关闭] " : "[已关闭] ") + rs.getString(1))
			.list();
	}

	private static AuditScore score(ResultSet rs, int row) throws SQLException {
		return new AuditScore(rs.getLong("audit_id"), rs.getString("scheme"), rs.getBigDecimal("score"),
				rs.getInt("stars"), rs.getString("grade"), rs.getString("decision_key"), rs.getInt("decision_version"),
				rs.getString("explanation"), rs.getString("scored_by"),
				rs.getObject("scored_at", OffsetDateTime.class));
	}

}
