package cn.certflow.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Certification decisions with their decider (R-DEC-1/2); other packages ask
 * {@link CertificationDecisions}.
 */
@Repository
class DecisionRepository {

	private final JdbcClient jdbc;

	DecisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(long applicationId, long auditId, boolean certified, int stars, String reasons, String externalInfo,
			String decidedBy) {
		record(applicationId, auditId, certified, stars, reasons, externalInfo, null, decidedBy);
	}

	/**
	 * @param notRecommendedOverride the written reason for certifying an audit the team
	 * did not recommend (R-DEC-3), otherwise null
	 */
	void record(long applicationId, long auditId, boolean certified, int stars, String reasons, String externalInfo,
			String notRecommendedOverride, String decidedBy) {
		this.jdbc
			.sql("insert into certification_decision (application_id, audit_id, certified, stars, reasons,"
					+ " external_info, not_recommended_override, decided_by, decided_at)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(applicationId, auditId, certified, stars, reasons, externalInfo, notRecommendedOverride, decidedBy,
					EngineTime.now())
			.update();
	}

	/** Every decision on the application, latest first. */
	List<CertificationDecision> all(long applicationId) {
		return this.jdbc.sql("select application_id, audit_id, certified, stars, reasons, external_info,"
				+ " not_recommended_override, decided_by, decided_at from certification_decision where application_id = ? order by id desc")
			.param(applicationId)
			.query(DecisionRepository::map)
			.list();
	}

	private static CertificationDecision map(ResultSet rs, int row) throws SQLException {
		return new CertificationDecision(rs.getLong("application_id"), rs.getLong("audit_id"),
				rs.getBoolean("certified"), rs.getInt("stars"), rs.getString("reasons"), rs.getString("external_info"),
				rs.getString("not_recommended_override"), rs.getString("decided_by"),
				rs.getObject("decided_at", OffsetDateTime.class));
	}

}
