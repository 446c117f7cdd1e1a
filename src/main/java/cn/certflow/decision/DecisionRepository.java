package cn.certflow.decision;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Certification decisions with their decider (R-DEC-1/2). */
@Repository
public class DecisionRepository {

	public record Decision(long applicationId, long auditId, boolean certified, int stars, String reasons,
			String externalInfo, String decidedBy, OffsetDateTime decidedAt) {
	}

	private final JdbcClient jdbc;

	DecisionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(long applicationId, long auditId, boolean certified, int stars, String reasons,
			String externalInfo, String decidedBy) {
		this.jdbc
			.sql("insert into certification_decision (application_id, audit_id, certified, stars, reasons,"
					+ " external_info, decided_by, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(applicationId, auditId, certified, stars, reasons, externalInfo, decidedBy, EngineTime.now())
			.update();
	}

	public Optional<Decision> latest(long applicationId) {
		return all(applicationId).stream().findFirst();
	}

	/** Every decision on the application, latest first. */
	public List<Decision> all(long applicationId) {
		return this.jdbc
			.sql("select application_id, audit_id, certified, stars, reasons, external_info, decided_by,"
					+ " decided_at from certification_decision where application_id = ? order by id desc")
			.param(applicationId)
			.query((rs, n) -> new Decision(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getInt(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
			.list();
	}

}
