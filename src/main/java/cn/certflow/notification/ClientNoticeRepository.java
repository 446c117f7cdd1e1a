package cn.certflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Notices to the client (table client_notice) and their delivery state. */
@Repository
class ClientNoticeRepository {

	/**
	 * The client as named in the application the notice is about (R-ID-1), as its body
	 * addresses it.
	 */
	private static final String SELECT = "select n.id, a.number, a.client_name, coalesce(n.email, a.contact_email),"
			+ " n.kind, n.body, n.created_by, n.created_at, n.delivery_status, n.recipient, n.attempts,"
			+ " n.last_attempt_at, n.last_attempt_by, n.delivery_note, n.sent_at, n.credit_code, n.certificate_number,"
			+ " n.case_number, n.subject from client_notice n left join application a on a.id = n.application_id";

	private final JdbcClient jdbc;

	ClientNoticeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every notice not yet sent of the application numbered {@code key}, or of the
	 * application of the certificate numbered {@code key} (the business key of a
	 * certification process or of a certificate's lifecycle).
	 */
	List<ClientNotice> unsent(String key) {
		return this.jdbc
			.sql(SELECT + " where n.delivery_status <> 'SENT' and (a.number = :key or n.case_number = :key or a.id in"
					+ " (select application_id from certificate where number = :key)) order by n.id")
			.param("key", key)
			.query(ClientNoticeRepository::map)
			.list();
	}

	/**
	 * Writes a notice in the caller's transaction, for the owner found by {@link #owner}.
	 */
	long insert(NoticeKind kind, NoticeTo to, Owner owner, String subject, String body, String by) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("insert into client_notice (application_id, credit_code, certificate_number, case_number, email, kind,"
					+ " subject, body, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(owner.applicationId(), owner.creditCode(), to.certificateNumber(), to.caseNumber(), to.email(),
					kind.name(), truncate(subject, 200), truncate(body, 4000), by, EngineTime.now())
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/**
	 * Whose notice it is (application and client), and the values every template may name
	 * about it: application, client; certificate, holder, grade, standard, issuedOn,
	 * expiresOn, revision.
	 */
	record Owner(Long applicationId, String creditCode, Map<String, Object> model) {
	}

	/**
	 * The owner: from the certificate when the notice is about one, else from the
	 * application.
	 */
	Owner owner(NoticeTo to) {
		if (to.certificateNumber() != null) {
			return this.jdbc
				.sql("select c.application_id, c.credit_code, a.number, a.client_name, c.number,"
						+ " c.holder_name, c.grade, c.standard, c.issued_on, c.expires_on, c.revision"
						+ " from certificate c join application a on a.id = c.application_id where c.number = ?")
				.param(to.certificateNumber())
				.query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2),
						model("application", rs.getString(3), "client", rs.getString(4), "certificate", rs.getString(5),
								"holder", rs.getString(6), "grade", rs.getString(7), "standard", rs.getString(8),
								"issuedOn", rs.getObject(9, LocalDate.class), "expiresOn",
								rs.getObject(10, LocalDate.class), "revision", rs.getInt(11))))
				.optional()
				.orElseThrow(() -> new IllegalArgumentException("no certificate " + to.certificateNumber()));
		}
		if (to.applicationId() != null || to.applicationNumber() != null) {
			return this.jdbc
				.sql("select a.id, c.credit_code, a.number, a.client_name from application a"
						+ " join client c on c.id = a.client_id where "
						+ ((to.applicationId() != null) ? "a.id = ?" : "a.number = ?"))
				.param((to.applicationId() != null) ? to.applicationId() : to.applicationNumber())
				.query((rs, n) -> new Owner(rs.getLong(1), rs.getString(2),
						model("application", rs.getString(3), "client", rs.getString(4))))
				.optional()
				.orElseThrow(() -> new IllegalArgumentException("no application " + to));
		}
		if (to.email() == null) {
			throw new IllegalArgumentException("a notice needs an application, a certificate or an e-mail address");
		}
		return new Owner(null, null, Map.of());
	}

	private static Map<String, Object> model(Object... pairs) {
		Map<String, Object> model = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				model.put((String) pairs[i], pairs[i + 1]);
			}
		}
		return model;
	}

	List<ClientNotice> ofClient(String creditCode) {
		return this.jdbc.sql(SELECT + " where n.credit_code = ? order by n.id desc")
			.param(creditCode)
			.query(ClientNoticeRepository::map)
			.list();
	}

	List<ClientNotice> ofCertificate(String number) {
		return this.jdbc.sql(SELECT + " where n.certificate_number = ? order by n.id")
			.param(number)
			.query(ClientNoticeRepository::map)
			.list();
	}

	List<ClientNotice> ofCase(String number) {
		return this.jdbc.sql(SELECT + " where n.case_number = ? order by n.id")
			.param(number)
			.query(ClientNoticeRepository::map)
			.list();
	}

	List<ClientNotice> ofApplication(String number) {
		return this.jdbc.sql(SELECT + " where a.number = ? order by n.id")
			.param(number)
			.query(ClientNoticeRepository::map)
			.list();
	}

	/**
	 * Takes the notice for one sending attempt: true for exactly one of several callers
	 * that read it with {@code attemptsSeen} attempts (a process's mail step and the
	 * notice's own delivery job at the same time), false if it was sent or another caller
	 * took it first.
	 */
	boolean claim(long id, int attemptsSeen, String by) {
		return this.jdbc
			.sql("update client_notice set attempts = attempts + 1, last_attempt_at = ?, last_attempt_by = ?"
					+ " where id = ? and attempts = ? and delivery_status <> 'SENT'")
			.params(EngineTime.now(), by, id, attemptsSeen)
			.update() == 1;
	}

	Optional<ClientNotice> find(long id) {
		return this.jdbc.sql(SELECT + " where n.id = ?").param(id).query(ClientNoticeRepository::map).optional();
	}

	void markSent(long id, String recipient, String by) {
		record(id, NoticeDelivery.SENT, recipient, by, null, EngineTime.now());
	}

	void markFailed(long id, String recipient, String by, String error) {
		record(id, NoticeDelivery.FAILED, recipient, by, error, null);
	}

	void markNotSent(long id, String by, String reason) {
		record(id, NoticeDelivery.NOT_SENT, null, by, reason, null);
	}

	private void record(long id, NoticeDelivery delivery, String recipient, String by, String note,
			OffsetDateTime sentAt) {
		this.jdbc
			.sql("update client_notice set delivery_status = ?, recipient = ?,"
					+ " last_attempt_at = ?, last_attempt_by = ?, delivery_note = ?, sent_at = ? where id = ?")
			.params(delivery.name(), recipient, EngineTime.now(), by, truncate(note, 1000), sentAt, id)
			.update();
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private static ClientNotice map(ResultSet rs, int row) throws SQLException {
		return new ClientNotice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
				NoticeDelivery.valueOf(rs.getString(9)), rs.getString(10), rs.getInt(11),
				rs.getObject(12, OffsetDateTime.class), rs.getString(13), rs.getString(14),
				rs.getObject(15, OffsetDateTime.class), rs.getString(16), rs.getString(17), rs.getString(18),
				rs.getString(19));
	}

}
