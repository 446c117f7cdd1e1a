package cn.certflow.certificate;

import java.time.LocalDate;
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
			.params(c.number(), c.applicationId(), c.revision(), c.certificationBody(), c.holderName(), c.holderAddress(),
					c.creditCode(), c.scope(), c.scheme(), c.ruleDocument(), c.standard(), c.stars(), c.grade(),
					c.decisionKey(), c.decisionVersion(), c.gradeExplanation(), c.issuedOn(), c.expiresOn(),
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
					rs.getString(10), rs.getString(11), rs.getInt(12), rs.getString(13), rs.getString(14), rs.getInt(15),
					rs.getString(16), rs.getObject(17, LocalDate.class), rs.getObject(18, LocalDate.class),
					rs.getString(19), CertificateStatus.valueOf(rs.getString(20))))
			.optional();
	}

}
