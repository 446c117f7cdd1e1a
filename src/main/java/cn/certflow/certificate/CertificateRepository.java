package cn.certflow.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certificates (table certificate). */
@Repository
class CertificateRepository {

	private final JdbcClient jdbc;

	CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Certificate c) {
		this.jdbc.sql("insert into certificate (number, application_id, revision, certification_body, holder_name,"
				+ " holder_address, credit_code, scope, scheme, rule_document, standard, stars, grade, decision_key,"
				+ " decision_version, grade_explanation, issued_on, expires_on, signatory, status)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(c.number(), c.applicationId(), c.revision(), c.certificationBody(), c.holderName(),
					c.holderAddress(), c.creditCode(), c.scope(), c.scheme(), c.ruleDocument(), c.standard(), c.stars(),
					c.grade(), c.decisionKey(), c.decisionVersion(), c.gradeExplanation(), c.issuedOn(), c.expiresOn(),
					c.signatory(), c.status().name())
			.update();
	}

	Optional<Certificate> find(String number) {
		return this.jdbc.sql("select number, application_id, revision, certification_body, holder_name, holder_address,"
				+ " credit_code, scope, scheme, rule_document, standard, stars, grade, decision_key, decision_version,"
				+ " grade_explanation, issued_on, expires_on, signatory, status from certificate where number = ?")
			.param(number)
			.query((rs, n) -> new Certificate(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10), rs.getString(11), rs.getInt(12), rs.getString(13), rs.getString(14),
					rs.getInt(15), rs.getString(16), rs.getObject(17, LocalDate.class),
					rs.getObject(18, LocalDate.class), rs.getString(19), CertificateStatus.valueOf(rs.getString(20))))
			.optional();
	}

	/** The numbers of every certificate of the scheme, whatever its status. */
	List<String> numbersOfScheme(String schemeId) {
		return this.jdbc.sql("select number from certificate where scheme = ? order by number")
			.param(schemeId)
			.query(String.class)
			.list();
	}

	/** The numbers of the certificates issued on the application. */
	List<String> numbersOfApplication(long applicationId) {
		return this.jdbc.sql("select number from certificate where application_id = ? order by number")
			.param(applicationId)
			.query(String.class)
			.list();
	}

	/**
	 * Numbers of every certificate issued to the client with this credit code, whatever
	 * its status.
	 */
	List<String> numbersOf(String creditCode) {
		return this.jdbc.sql("select number from certificate where credit_code = ? order by number")
			.param(creditCode)
			.query(String.class)
			.list();
	}

	void updateStatus(String number, CertificateStatus status) {
		this.jdbc.sql("update certificate set status = ? where number = ?").params(status.name(), number).update();
	}

	/**
	 * Writes a new version over the current one: holder, scope, rule, grade with the
	 * table version and explanation it rests on, dates and revision.
	 */
	void updateVersion(Certificate c) {
		this.jdbc.sql(
				"update certificate set revision = ?, holder_name = ?, holder_address = ?, scope = ?, rule_document = ?,"
						+ " stars = ?, grade = ?, decision_key = ?, decision_version = ?, grade_explanation = ?,"
						+ " issued_on = ?, expires_on = ?, signatory = ? where number = ?")
			.params(c.revision(), c.holderName(), c.holderAddress(), c.scope(), c.ruleDocument(), c.stars(), c.grade(),
					c.decisionKey(), c.decisionVersion(), c.gradeExplanation(), c.issuedOn(), c.expiresOn(),
					c.signatory(), c.number())
			.update();
	}

	Optional<LocalDate> cycleStart(String number) {
		return this.jdbc.sql("select cycle_start from certificate where number = ?")
			.param(number)
			.query((rs, n) -> rs.getObject(1, LocalDate.class))
			.optional();
	}

	/** The reason a decision maker reduced the surveillances of the current cycle. */
	Optional<String> surveillanceReduction(String number) {
		return this.jdbc.sql("select surveillance_reduction from certificate where number = ?")
			.param(number)
			.query(String.class)
			.optional();
	}

	void updateSurveillanceReduction(String number, String reason) {
		this.jdbc.sql("update certificate set surveillance_reduction = ? where number = ?")
			.params(reason, number)
			.update();
	}

	void updateCycleStart(String number, LocalDate cycleStart) {
		this.jdbc.sql("update certificate set cycle_start = ? where number = ?").params(cycleStart, number).update();
	}

	void insertRevision(String number, Certificate c, String reason, String by) {
		this.jdbc
			.sql("insert into certificate_revision (certificate_number, revision, holder_name, holder_address, scope,"
					+ " rule_document, stars, grade, issued_on, expires_on, reason, issued_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(number, c.revision(), c.holderName(), c.holderAddress(), c.scope(), c.ruleDocument(), c.stars(),
					c.grade(), c.issuedOn(), c.expiresOn(), reason, by)
			.update();
	}

	void recallRevision(String number, int revision, LocalDate on, String reason) {
		this.jdbc
			.sql("update certificate_revision set recalled_on = ?, recall_reason = ?"
					+ " where certificate_number = ? and revision = ? and recalled_on is null")
			.params(on, reason, number, revision)
			.update();
	}

	List<CertificateRevision> revisions(String number) {
		return this.jdbc
			.sql("select revision, holder_name, holder_address, scope, rule_document, stars, grade, issued_on,"
					+ " expires_on, reason, issued_by, recalled_on, recall_reason from certificate_revision"
					+ " where certificate_number = ? order by revision")
			.param(number)
			.query((rs, n) -> new CertificateRevision(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getString(7), rs.getObject(8, LocalDate.class),
					rs.getObject(9, LocalDate.class), rs.getString(10), rs.getString(11),
					rs.getObject(12, LocalDate.class), rs.getString(13)))
			.list();
	}

}
