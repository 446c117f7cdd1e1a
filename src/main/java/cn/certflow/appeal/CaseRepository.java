package cn.certflow.appeal;

import java.time.OffsetDateTime;
import java.util.Optional;

import cn.certflow.system.EngineTime;
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
	java.util.List<String> decidersOf(String applicationNumber) {
		return this.jdbc.sql(
				"select distinct decided_by from complaint_case where application_number = ? and decided_by is not null")
			.param(applicationNumber)
			.query(String.class)
			.list();
	}

	Optional<CaseRecord> find(String number) {
		return this.jdbc
			.sql("select id, number, kind, certificate_number, application_number, complainant, subject,"
					+ " description, involved_persons, received_by, received_at, acknowledgement_due, acknowledged_at,"
					+ " acknowledged_by, acknowledgement_text, escalated_at, outcome, outcome_reasons, client_at_fault,"
					+ " decided_by, decided_at, communicated_at, status from complaint_case where number = ?")
			.param(number)
			.query((rs, n) -> new CaseRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
					rs.getObject(13, OffsetDateTime.class), rs.getString(14), rs.getString(15),
					rs.getObject(16, OffsetDateTime.class), rs.getString(17), rs.getString(18),
					rs.getObject(19, Boolean.class), rs.getString(20), rs.getObject(21, OffsetDateTime.class),
					rs.getObject(22, OffsetDateTime.class), rs.getString(23)))
			.optional();
	}

}
