package cn.certflow.staff;

import cn.certflow.document.DocumentType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read-only queries over the certification records for the staff pages (issue 19.1): the
 * search, a client's every record, and an application's audits, scores and
 * nonconformities. Like the accreditation file's queries, they read across the features'
 * tables and write nothing.
 */
@Repository
class StaffRecords {

	static final int MAX_HITS = 100;

	record Hit(String applicationNumber, String clientName, String creditCode, String scheme, String status,
			OffsetDateTime receivedAt, String certificateNumber, String certificateStatus) {
	}

	record Client(String name, String address, String creditCode, String legalStatus) {
	}

	record Application(long id, String number, String clientName, String creditCode, String scheme, int requestedStars,
			String status, OffsetDateTime receivedAt, int headcount, String processInstanceId) {
	}

	record Audit(long id, String applicationNumber, String type, int personDays, String leadAuditor,
			LocalDate plannedOn, String status, String outcome) {
	}

	record CertificateRow(String number, String applicationNumber, int revision, String holderName, String scheme,
			int stars, String grade, LocalDate issuedOn, LocalDate expiresOn, String status) {
	}

	record Request(long id, String certificateNumber, String kind, String description, String requestedBy,
			OffsetDateTime requestedAt, String status, String outcome) {
	}

	record CaseRow(String number, String kind, String subject, String complainant, OffsetDateTime receivedAt,
			String status, String outcome) {
	}

	record Notice(String applicationNumber, String kind, String body, String createdBy, OffsetDateTime createdAt,
			String delivery) {
	}

	record StatusChange(String entity, String key, String fromStatus, String toStatus, String changedBy,
			OffsetDateTime changedAt, String reason) {
	}

	record Score(BigDecimal score, int stars, String grade, String scheme, String decisionKey, int decisionVersion,
			String explanation, String itemScores, String scoredBy, OffsetDateTime scoredAt) {
	}

	record Nonconformity(long id, String description, OffsetDateTime raisedAt, OffsetDateTime dueAt,
			OffsetDateTime closedAt, String closedBy) {
	}

	record Decision(long auditId, boolean certified, int stars, String reasons, String decidedBy,
			OffsetDateTime decidedAt) {
	}

	record Document(long id, DocumentType type, String fileName, long sizeBytes, String uploadedBy,
			OffsetDateTime uploadedAt) {
	}

	private final JdbcClient jdbc;

	StaffRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Applications whose number, certificate number or client credit code is the text, or
	 * whose client's or certificate holder's name contains it; newest first, finished
	 * ones included.
	 */
	List<Hit> search(String text) {
		String exact = text.trim();
		String like = "%" + exact.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return this.jdbc
			.sql("select a.number, a.client_name, c.credit_code, a.scheme, a.status, a.received_at,"
					+ " ce.number, ce.status from application a join client c on c.id = a.client_id"
					+ " left join certificate ce on ce.application_id = a.id"
					+ " where a.number = :exact or upper(c.credit_code) = upper(:exact) or ce.number = :exact"
					+ " or lower(a.client_name) like :like escape '\\' or lower(c.name) like :like escape '\\'"
					+ " or lower(ce.holder_name) like :like escape '\\'"
					+ " order by a.received_at desc, a.number desc fetch first " + MAX_HITS + " rows only")
			.param("exact", exact)
			.param("like", like)
			.query((rs, n) -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8)))
			.list();
	}

	Optional<Client> client(String creditCode) {
		return this.jdbc.sql("select name, address, credit_code, legal_status from client where credit_code = ?")
			.param(creditCode)
			.query((rs, n) -> new Client(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	List<Application> applicationsOf(String creditCode) {
		return this.jdbc.sql(APPLICATION_COLUMNS + " where c.credit_code = ? order by a.received_at, a.id")
			.param(creditCode)
			.query((rs, n) -> application(rs))
			.list();
	}

	Optional<Application> application(String number) {
		return this.jdbc.sql(APPLICATION_COLUMNS + " where a.number = ?")
			.param(number)
			.query((rs, n) -> application(rs))
			.optional();
	}

	private static final String APPLICATION_COLUMNS = "select a.id, a.number, a.client_name, c.credit_code, a.scheme,"
			+ " a.requested_stars, a.status, a.received_at, a.headcount, a.process_instance_id"
			+ " from application a join client c on c.id = a.client_id";

	private static Application application(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Application(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getInt(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class), rs.getInt(9), rs.getString(10));
	}

	List<Audit> audits(List<Long> applicationIds) {
		return this.jdbc
			.sql("select au.id, a.number, au.audit_type, au.person_days, au.lead_auditor, au.planned_on, au.status,"
					+ " au.outcome from audit au join application a on a.id = au.application_id"
					+ " where au.application_id in (:ids) order by au.planned_on, au.id")
			.param("ids", orNone(applicationIds, -1L))
			.query((rs, n) -> new Audit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
					rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8)))
			.list();
	}

	List<CertificateRow> certificates(List<Long> applicationIds) {
		return this.jdbc
			.sql("select ce.number, a.number, ce.revision, ce.holder_name, ce.scheme, ce.stars, ce.grade, ce.issued_on,"
					+ " ce.expires_on, ce.status from certificate ce join application a on a.id = ce.application_id"
					+ " where ce.application_id in (:ids) order by ce.issued_on, ce.number")
			.param("ids", orNone(applicationIds, -1L))
			.query((rs, n) -> new CertificateRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8, LocalDate.class),
					rs.getObject(9, LocalDate.class), rs.getString(10)))
			.list();
	}

	List<Request> requests(List<String> certificateNumbers) {
		return this.jdbc
			.sql("select id, certificate_number, kind, description, requested_by, requested_at, status, outcome"
					+ " from certificate_request where certificate_number in (:numbers) order by requested_at, id")
			.param("numbers", orNone(certificateNumbers, ""))
			.query((rs, n) -> new Request(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8)))
			.list();
	}

	List<CaseRow> cases(List<String> certificateNumbers, List<String> applicationNumbers) {
		return this.jdbc
			.sql("select number, kind, subject, complainant, received_at, status, outcome from complaint_case"
					+ " where certificate_number in (:certificates) or application_number in (:applications)"
					+ " order by received_at, number")
			.param("certificates", orNone(certificateNumbers, ""))
			.param("applications", orNone(applicationNumbers, ""))
			.query((rs, n) -> new CaseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7)))
			.list();
	}

	List<Notice> notices(List<Long> applicationIds) {
		return this.jdbc
			.sql("select a.number, n.kind, n.body, n.created_by, n.created_at, n.delivery_status from client_notice n"
					+ " join application a on a.id = n.application_id where n.application_id in (:ids)"
					+ " order by n.created_at, n.id")
			.param("ids", orNone(applicationIds, -1L))
			.query((rs, n) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
			.list();
	}

	/** The status changes of the records, by kind of record: oldest first. */
	List<StatusChange> statusChanges(Map<String, List<String>> keysByEntity) {
		StringBuilder where = new StringBuilder();
		List<Object[]> params = new ArrayList<>();
		int i = 0;
		for (Map.Entry<String, List<String>> entry : keysByEntity.entrySet()) {
			if (entry.getValue().isEmpty()) {
				continue;
			}
			where.append((i == 0) ? "" : " or ")
				.append("(entity_type = :type")
				.append(i)
				.append(" and entity_key in (:keys")
				.append(i)
				.append("))");
			params.add(new Object[] { "type" + i, entry.getKey() });
			params.add(new Object[] { "keys" + i, entry.getValue() });
			i++;
		}
		if (i == 0) {
			return List.of();
		}
		JdbcClient.StatementSpec spec = this.jdbc
			.sql("select entity_type, entity_key, from_status, to_status, changed_by, changed_at, reason"
					+ " from status_change where " + where + " order by changed_at, id");
		for (Object[] param : params) {
			spec = spec.param((String) param[0], param[1]);
		}
		return spec
			.query((rs, n) -> new StatusChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getString(7)))
			.list();
	}

	List<String> team(long auditId) {
		return this.jdbc.sql("select user_id, role from audit_team_member where audit_id = ? order by role, user_id")
			.param(auditId)
			.query((rs, n) -> rs.getString(1) + ("LEAD".equals(rs.getString(2)) ? "（组长）" : ""))
			.list();
	}

	List<Score> scores(long auditId) {
		return this.jdbc
			.sql("select score, stars, grade, scheme, decision_key, decision_version, explanation, item_scores,"
					+ " scored_by, scored_at from audit_score where audit_id = ? order by id")
			.param(auditId)
			.query((rs, n) -> new Score(rs.getBigDecimal(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getObject(10, OffsetDateTime.class)))
			.list();
	}

	List<Nonconformity> nonconformities(long auditId) {
		return this.jdbc
			.sql("select id, description, raised_at, due_at, closed_at, closed_by from nonconformity"
					+ " where audit_id = ? order by id")
			.param(auditId)
			.query((rs, n) -> new Nonconformity(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
			.list();
	}

	List<Decision> decisions(long applicationId) {
		return this.jdbc
			.sql("select audit_id, certified, stars, reasons, decided_by, decided_at from certification_decision"
					+ " where application_id = ? order by id")
			.param(applicationId)
			.query((rs, n) -> new Decision(rs.getLong(1), rs.getBoolean(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	List<Document> documents(long applicationId) {
		return this.jdbc
			.sql("select id, document_type, file_name, size_bytes, uploaded_by, uploaded_at from document_file"
					+ " where application_id = ? order by id")
			.param(applicationId)
			.query((rs, n) -> new Document(rs.getLong(1), DocumentType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getLong(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
			.list();
	}

	private static <T> List<T> orNone(List<T> values, T none) {
		return values.isEmpty() ? List.of(none) : values;
	}

}
