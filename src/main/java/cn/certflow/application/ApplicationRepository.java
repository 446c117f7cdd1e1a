package cn.certflow.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import cn.certflow.system.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Clients and applications (tables client, application). */
@Repository
class ApplicationRepository {

	/**
	 * Name, address and legal status are the application's own, as applied (R-ID-1),
	 * never the client record's.
	 */
	private static final String SELECT = "select a.id, a.number, a.client_id, a.client_name, a.client_address, c.credit_code, a.legal_status,"
			+ " a.scheme, a.requested_stars, a.technical_area, a.categories, a.sites, a.headcount, a.declared_documents,"
			+ " a.status, a.received_at, a.review_due_at, a.reviewed_at, a.reviewed_by, a.review_minutes,"
			+ " a.contract_number, a.contract_signed_on, a.process_instance_id, a.contact_email"
			+ " from application a join client c on c.id = a.client_id";

	private final JdbcClient jdbc;

	ApplicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String number, long clientId, ApplicationRequest request, OffsetDateTime receivedAt,
			OffsetDateTime reviewDueAt, String processInstanceId) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("insert into application (number, client_id, client_name, client_address, legal_status, scheme,"
				+ " requested_stars, technical_area, categories, sites, headcount, declared_documents, status, received_at,"
				+ " review_due_at, process_instance_id, contact_email)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(number, clientId, request.clientName(), request.clientAddress(), request.legalStatus(),
					request.schemeId(), request.requestedStars(), request.technicalArea(),
					String.join(", ", request.categories()), String.join("\n", request.sites()), request.headcount(),
					String.join(",", request.documents()), ApplicationStatus.RECEIVED.name(), receivedAt, reviewDueAt,
					processInstanceId, blankToNull(request.contactEmail()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	public ApplicationRecord get(String number) {
		return find(number).orElseThrow(() -> new NotFoundException("No application " + number));
	}

	public ApplicationRecord byId(long id) {
		return this.jdbc.sql(SELECT + " where a.id = ?")
			.param(id)
			.query(ApplicationRepository::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("No application with id " + id));
	}

	public Optional<ApplicationRecord> find(String number) {
		return this.jdbc.sql(SELECT + " where a.number = ?").param(number).query(ApplicationRepository::map).optional();
	}

	/** The application whose initial certification runs in this process instance. */
	Optional<ApplicationRecord> findByProcessInstance(String processInstanceId) {
		return this.jdbc.sql(SELECT + " where a.process_instance_id = ?")
			.param(processInstanceId)
			.query(ApplicationRepository::map)
			.optional();
	}

	/**
	 * Number of an application of this client and scheme that is still in progress, if
	 * any.
	 */
	Optional<String> findOpen(String creditCode, String schemeId) {
		List<String> finals = Arrays.stream(ApplicationStatus.values())
			.filter(ApplicationStatus::isFinal)
			.map(Enum::name)
			.toList();
		return this.jdbc
			.sql("select a.number from application a join client c on c.id = a.client_id"
					+ " where c.credit_code = :code and a.scheme = :scheme and a.status not in (:finals)")
			.param("code", creditCode)
			.param("scheme", schemeId)
			.param("finals", finals)
			.query(String.class)
			.optional();
	}

	/**
	 * Applications of the client not yet ended (under review, accepted, in audit,
	 * awaiting the decision).
	 */
	List<ApplicationRecord> inProgress(String creditCode) {
		List<String> finals = Arrays.stream(ApplicationStatus.values())
			.filter(ApplicationStatus::isFinal)
			.map(Enum::name)
			.toList();
		return this.jdbc.sql(SELECT + " where c.credit_code = :code and a.status not in (:finals) order by a.id")
			.param("code", creditCode)
			.param("finals", finals)
			.query(ApplicationRepository::map)
			.list();
	}

	/** Every application of the client with this credit code, newest first (issue 18). */
	List<ApplicationRecord> ofClient(String creditCode) {
		return this.jdbc.sql(SELECT + " where c.credit_code = ? order by a.id desc")
			.param(creditCode)
			.query(ApplicationRepository::map)
			.list();
	}

	/**
	 * Applications of the client still waiting for their application review (R-APP-2).
	 */
	List<ApplicationRecord> underReview(String creditCode) {
		return this.jdbc.sql(SELECT + " where c.credit_code = ? and a.status = ? order by a.id")
			.params(creditCode, ApplicationStatus.RECEIVED.name())
			.query(ApplicationRepository::map)
			.list();
	}

	void updateStatus(String number, ApplicationStatus status) {
		this.jdbc.sql("update application set status = ? where number = ?").params(status.name(), number).update();
	}

	void recordReview(String number, String reviewer, OffsetDateTime reviewedAt, Duration taken) {
		this.jdbc.sql("update application set reviewed_at = ?, reviewed_by = ?, review_minutes = ? where number = ?")
			.params(reviewedAt, reviewer, taken.toMinutes(), number)
			.update();
	}

	void recordContract(String number, String contractNumber, LocalDate signedOn) {
		this.jdbc.sql("update application set contract_number = ?, contract_signed_on = ? where number = ?")
			.params(contractNumber, signedOn, number)
			.update();
	}

	/** When the application's documents were last reviewed, if ever. */
	Optional<OffsetDateTime> lastDocumentReviewAt(long applicationId) {
		return this.jdbc.sql("select max(reviewed_at) from document_review where application_id = ?")
			.param(applicationId)
			.query(OffsetDateTime.class)
			.optional();
	}

	void recordDocumentReview(long applicationId, boolean passed, String findings, String reviewer) {
		int round = this.jdbc.sql("select count(*) from document_review where application_id = ?")
			.param(applicationId)
			.query(Integer.class)
			.single() + 1;
		this.jdbc
			.sql("insert into document_review (application_id, round, passed, findings, reviewed_by, reviewed_at)"
					+ " values (?, ?, ?, ?, ?, ?)")
			.params(applicationId, round, passed, findings, reviewer, EngineTime.now())
			.update();
	}

	void recordEscalation(long applicationId, String kind, OffsetDateTime dueAt, String escalatedTo) {
		this.jdbc.sql(
				"insert into escalation (application_id, kind, due_at, escalated_at, escalated_to) values (?, ?, ?, ?, ?)")
			.params(applicationId, kind, dueAt, EngineTime.now(), escalatedTo)
			.update();
	}

	private static ApplicationRecord map(ResultSet rs, int row) throws SQLException {
		return new ApplicationRecord(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11),
				rs.getString(12), rs.getInt(13), rs.getString(14), ApplicationStatus.valueOf(rs.getString(15)),
				rs.getObject(16, OffsetDateTime.class), rs.getObject(17, OffsetDateTime.class),
				rs.getObject(18, OffsetDateTime.class), rs.getString(19), rs.getObject(20, Long.class),
				rs.getString(21), rs.getObject(22, LocalDate.class), rs.getString(23), rs.getString(24));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
