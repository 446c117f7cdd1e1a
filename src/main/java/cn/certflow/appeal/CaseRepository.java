package cn.certflow.appeal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Appeals and complaints (table complaint_case). */
@Repository
class CaseRepository {

	private final JdbcClient jdbc;

	CaseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String number, String kind, String certificateNumber, String applicationNumber, String complainant,
			String subject, String description, String involved, String by, OffsetDateTime acknowledgementDue) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"insert into complaint_case (number, kind, certificate_number, application_number, complainant, subject,"
						+ " description, involved_persons, received_by, received_at, acknowledgement_due, status)"
						+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')")
			.params(number, kind, certificateNumber, applicationNumber, complainant, subject, description, involved, by,
					EngineTime.now(), acknowledgementDue)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void acknowledged(long id, String text, String by) {
		this.jdbc
			.sql("update complaint_case set acknowledged_at = ?, acknowledged_by = ?, acknowledgement_text = ?,"
					+ " status = 'ACKNOWLEDGED' where id = ?")
			.params(EngineTime.now(), by, text, id)
			.update();
	}

	void escalated(long id) {
		this.jdbc.sql("update complaint_case set escalated_at = ? where id = ?").params(EngineTime.now(), id).update();
	}

	void decided(long id, String outcome, String reasons, boolean clientAtFault, String by) {
		this.jdbc
			.sql("update complaint_case set outcome = ?, outcome_reasons = ?, client_at_fault = ?, decided_by = ?,"
					+ " decided_at = ?, status = 'DECIDED' where id = ?")
			.params(outcome, reasons, clientAtFault, by, EngineTime.now(), id)
			.update();
	}

	void communicated(long id) {
		this.jdbc.sql("update complaint_case set communicated_at = ?, status = 'CLOSED' where id = ?")
			.params(EngineTime.now(), id)
			.update();
	}

	void complainantEmail(long id, String email) {
		this.jdbc.sql("update complaint_case set complainant_email = ? where id = ?").params(email, id).update();
	}

	/** Where the complainant is e-mailed, if the case has an address (a third party). */
	Optional<String> complainantEmail(long id) {
		return this.jdbc
			.sql("select complainant_email from complaint_case where id = ? and complainant_email is not null")
			.param(id)
			.query(String.class)
			.optional();
	}

	/** Who decided the earlier cases on this application. */
	List<String> decidersOf(String applicationNumber) {
		return this.jdbc.sql(
				"select distinct decided_by from complaint_case where application_number = ? and decided_by is not null")
			.param(applicationNumber)
			.query(String.class)
			.list();
	}

	private static final String COLUMNS = "select id, number, kind, certificate_number, application_number,"
			+ " complainant, subject, description, involved_persons, received_by, received_at, acknowledgement_due,"
			+ " acknowledged_at, acknowledged_by, acknowledgement_text, escalated_at, outcome, outcome_reasons,"
			+ " client_at_fault, decided_by, decided_at, communicated_at, status from complaint_case";

	private static final RowMapper<CaseRecord> RECORD = (rs, n) -> new CaseRecord(rs.getLong("id"),
			rs.getString("number"), rs.getString("kind"), rs.getString("certificate_number"),
			rs.getString("application_number"), rs.getString("complainant"), rs.getString("subject"),
			rs.getString("description"), rs.getString("involved_persons"), rs.getString("received_by"),
			rs.getObject("received_at", OffsetDateTime.class),
			rs.getObject("acknowledgement_due", OffsetDateTime.class),
			rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getString("acknowledged_by"),
			rs.getString("acknowledgement_text"), rs.getObject("escalated_at", OffsetDateTime.class),
			rs.getString("outcome"), rs.getString("outcome_reasons"), rs.getObject("client_at_fault", Boolean.class),
			rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class),
			rs.getObject("communicated_at", OffsetDateTime.class), rs.getString("status"));

	Optional<CaseRecord> find(String number) {
		return this.jdbc.sql(COLUMNS + " where number = ?").param(number).query(RECORD).optional();
	}

	/** The appeals and complaints about a certificate, oldest first. */
	List<CaseRecord> ofCertificate(String certificateNumber) {
		return this.jdbc.sql(COLUMNS + " where certificate_number = ? order by received_at, id")
			.param(certificateNumber)
			.query(RECORD)
			.list();
	}

}
