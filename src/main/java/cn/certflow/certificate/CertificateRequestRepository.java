package cn.certflow.certificate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import cn.certflow.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests about certificates (table certificate_request). */
@Repository
class CertificateRequestRepository {

	/** The kinds of request that are changes of the certificate, as SQL literals. */
	private static final String CHANGE_KINDS = java.util.Arrays.stream(CertificateLifecycle.ChangeKind.values())
		.map(kind -> "'" + kind.name() + "'")
		.collect(java.util.stream.Collectors.joining(", "));

	private static final String COLUMNS = "id, certificate_number, kind, description, new_holder_name, new_holder_address,"
			+ " added_scope, requested_stars, new_rule_document, event_kind, event_date, requested_by, requested_at, status, outcome";

	private final JdbcClient jdbc;

	CertificateRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(CertificateRequest r) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("insert into certificate_request (certificate_number, kind, description, new_holder_name,"
					+ " new_holder_address, added_scope, requested_stars, new_rule_document, event_kind, event_date,"
					+ " requested_by, requested_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(r.certificateNumber(), r.kind(), r.description(), r.newHolderName(), r.newHolderAddress(),
					r.addedScope(), r.requestedStars(), r.newRuleDocument(), r.eventKind(), r.eventDate(),
					r.requestedBy(), EngineTime.now(), CertificateRequest.OPEN)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	CertificateRequest get(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from certificate_request where id = ?")
			.param(id)
			.query(CertificateRequestRepository::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("No request " + id));
	}

	Optional<CertificateRequest> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from certificate_request where id = ?")
			.param(id)
			.query(CertificateRequestRepository::map)
			.optional();
	}

	List<CertificateRequest> of(String certificateNumber) {
		return this.jdbc.sql("select " + COLUMNS + " from certificate_request where certificate_number = ? order by id")
			.param(certificateNumber)
			.query(CertificateRequestRepository::map)
			.list();
	}

	/** Open change requests (change, extension, upgrade, transition) of a certificate. */
	int openChanges(String certificateNumber) {
		return this.jdbc
			.sql("select count(*) from certificate_request where certificate_number = ? and status in (?, ?)"
					+ " and kind in (" + CHANGE_KINDS + ")")
			.params(certificateNumber, CertificateRequest.OPEN, CertificateRequest.ACCEPTED)
			.query(Integer.class)
			.single();
	}

	/**
	 * The change request (change, extension, upgrade, transition) of a certificate still
	 * open or accepted: at most one.
	 */
	Optional<CertificateRequest> openChange(String certificateNumber) {
		return this.jdbc
			.sql("select " + COLUMNS + " from certificate_request where certificate_number = ? and status in (?, ?)"
					+ " and kind in (" + CHANGE_KINDS + ") order by id desc")
			.params(certificateNumber, CertificateRequest.OPEN, CertificateRequest.ACCEPTED)
			.query(CertificateRequestRepository::map)
			.list()
			.stream()
			.findFirst();
	}

	/**
	 * Closes the open reminders that the certificate's holder changed
	 * (HOLDER_CHANGE_DUE), once a change reissued it.
	 */
	void closeHolderChangesDue(String certificateNumber, String outcome, String by) {
		this.jdbc
			.sql("update certificate_request set status = ?, outcome = ?, closed_by = ?, closed_at = ?"
					+ " where certificate_number = ? and kind = ? and status = ?")
			.params(CertificateRequest.DONE, outcome, by, EngineTime.now(), certificateNumber,
					CertificateRequest.HOLDER_CHANGE_DUE, CertificateRequest.OPEN)
			.update();
	}

	void close(long id, String status, String outcome, String by) {
		this.jdbc
			.sql("update certificate_request set status = ?, outcome = ?, closed_by = ?, closed_at = ? where id = ?")
			.params(status, outcome, by, EngineTime.now(), id)
			.update();
	}

	void updateStatus(long id, String status) {
		this.jdbc.sql("update certificate_request set status = ? where id = ?").params(status, id).update();
	}

	private static CertificateRequest map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new CertificateRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getObject(8, Integer.class), rs.getString(9), rs.getString(10),
				rs.getObject(11, LocalDate.class), rs.getString(12), rs.getObject(13, OffsetDateTime.class),
				rs.getString(14), rs.getString(15));
	}

}
