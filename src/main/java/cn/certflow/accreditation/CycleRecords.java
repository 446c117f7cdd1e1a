package cn.certflow.accreditation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.certflow.appeal.CaseRecord;
import cn.certflow.system.StatusHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries over the certification records of one application, for its
 * accreditation file.
 */
@Repository
class CycleRecords {

	/** An audit row before its team, events, scores and nonconformities are added. */
	record AuditRow(long id, String type, int personDays, LocalDate plannedOn, String plannedBy,
			OffsetDateTime plannedAt, String leadAuditor, String status, String outcome) {
	}

	record ScoreRow(BigDecimal score, int stars, String grade, String decisionKey, int decisionVersion, String scheme,
			String explanation, String itemScores, String scoredBy, OffsetDateTime scoredAt) {
	}

	record DecisionRow(long auditId, boolean certified, int stars, String reasons, String externalInfo,
			String notRecommendedOverride, String decidedBy, OffsetDateTime decidedAt) {
	}

	private final JdbcClient jdbc;

	CycleRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> applicationNumber(long applicationId) {
		return this.jdbc.sql("select number from application where id = ?")
			.param(applicationId)
			.query(String.class)
			.optional();
	}

	List<AccreditationFile.Document> documents(long applicationId) {
		return this.jdbc
			.sql("select document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at"
					+ " from document_file where application_id = ? order by id")
			.param(applicationId)
			.query((rs, n) -> new AccreditationFile.Document(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getLong(4), rs.getString(5).trim(), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
			.list();
	}

	List<AccreditationFile.DocumentReviewRound> documentReviews(long applicationId) {
		return this.jdbc
			.sql("select round, passed, findings, reviewed_by, reviewed_at from document_review"
					+ " where application_id = ? order by round")
			.param(applicationId)
			.query((rs, n) -> new AccreditationFile.DocumentReviewRound(rs.getInt(1), rs.getBoolean(2), rs.getString(3),
					rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
			.list();
	}

	List<AccreditationFile.Escalation> escalations(long applicationId) {
		return this.jdbc
			.sql("select kind, due_at, escalated_at, escalated_to from escalation where application_id = ? order by id")
			.param(applicationId)
			.query((rs, n) -> new AccreditationFile.Escalation(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
					rs.getObject(3, OffsetDateTime.class), rs.getString(4)))
			.list();
	}

	List<AuditRow> audits(long applicationId) {
		return this.jdbc
			.sql("select id, audit_type, person_days, planned_on, planned_by, planned_at, lead_auditor, status,"
					+ " outcome from audit where application_id = ? order by id")
			.param(applicationId)
			.query((rs, n) -> new AuditRow(rs.getLong(1), rs.getString(2), rs.getInt(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
					rs.getString(7), rs.getString(8), rs.getString(9)))
			.list();
	}

	List<AccreditationFile.TeamMember> team(long auditId) {
		return this.jdbc.sql("select user_id, role from audit_team_member where audit_id = ? order by role, user_id")
			.param(auditId)
			.query((rs, n) -> new AccreditationFile.TeamMember(rs.getString(1), rs.getString(2)))
			.list();
	}

	List<AccreditationFile.AuditEvent> events(long auditId) {
		return this.jdbc
			.sql("select kind, details, recorded_by, recorded_at from audit_event where audit_id = ? order by id")
			.param(auditId)
			.query((rs, n) -> new AccreditationFile.AuditEvent(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	List<ScoreRow> scores(long auditId) {
		return this.jdbc
			.sql("select score, stars, grade, decision_key, decision_version, scheme, explanation, item_scores,"
					+ " scored_by, scored_at from audit_score where audit_id = ? order by id")
			.param(auditId)
			.query((rs, n) -> new ScoreRow(rs.getBigDecimal(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getObject(10, OffsetDateTime.class)))
			.list();
	}

	List<AccreditationFile.Nonconformity> nonconformities(long auditId) {
		return this.jdbc
			.sql("select description, raised_at, due_at, closed_at, closed_by from nonconformity"
					+ " where audit_id = ? order by id")
			.param(auditId)
			.query((rs, n) -> new AccreditationFile.Nonconformity(rs.getString(1),
					rs.getObject(2, OffsetDateTime.class), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.list();
	}

	/** The decisions on the application, latest last. */
	List<DecisionRow> decisions(long applicationId) {
		return this.jdbc
			.sql("select audit_id, certified, stars, reasons, external_info, not_recommended_override, decided_by,"
					+ " decided_at" + " from certification_decision where application_id = ? order by id")
			.param(applicationId)
			.query((rs, n) -> new DecisionRow(rs.getLong(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
			.list();
	}

	List<AccreditationFile.Notice> notices(long applicationId) {
		return this.jdbc
			.sql("select kind, body, created_by, created_at from client_notice where application_id = ? order by id")
			.param(applicationId)
			.query((rs, n) -> new AccreditationFile.Notice(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.list();
	}

	/**
	 * Every status change of the given records (entity type → keys), in the order they
	 * happened.
	 */
	List<AccreditationFile.StatusChange> statusChanges(Map<StatusHistory.Entity, List<String>> keys) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new LinkedHashMap<>();
		keys.forEach((entity, values) -> {
			if (!values.isEmpty()) {
				where.append(where.isEmpty() ? "" : " or ")
					.append("(entity_type = '")
					.append(entity.name())
					.append("' and entity_key in (:")
					.append(entity.name())
					.append("))");
				params.put(entity.name(), values);
			}
		});
		if (where.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select entity_type, entity_key, from_status, to_status, changed_by, changed_at, reason,"
					+ " process_key, process_instance_id from status_change where " + where + " order by id")
			.params(params)
			.query((rs, n) -> new AccreditationFile.StatusChange(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7),
					rs.getString(8), rs.getString(9)))
			.list();
	}

	/** Appeals and complaints about the certificate or its application, oldest first. */
	List<CaseRecord> cases(String certificateNumber, String applicationNumber) {
		return this.jdbc
			.sql("select id, number, kind, certificate_number, application_number, complainant, subject,"
					+ " description, involved_persons, received_by, received_at, acknowledgement_due, acknowledged_at,"
					+ " acknowledged_by, acknowledgement_text, escalated_at, outcome, outcome_reasons, client_at_fault,"
					+ " decided_by, decided_at, communicated_at, status from complaint_case"
					+ " where certificate_number = ? or application_number = ? order by id")
			.params(certificateNumber, applicationNumber)
			.query((rs, n) -> new CaseRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
					rs.getObject(13, OffsetDateTime.class), rs.getString(14), rs.getString(15),
					rs.getObject(16, OffsetDateTime.class), rs.getString(17), rs.getString(18),
					rs.getObject(19, Boolean.class), rs.getString(20), rs.getObject(21, OffsetDateTime.class),
					rs.getObject(22, OffsetDateTime.class), rs.getString(23)))
			.list();
	}

}
