package cn.certflow.surveillance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Annual surveillances (table surveillance), R-SUR-1. */
@Repository
public class SurveillanceRepository {

	/** A surveillance as recorded. */
	public record Surveillance(long id, String certificateNumber, LocalDate cycleStart, int year, LocalDate dueOn,
			LocalDate latestOn, String status, LocalDate postponedTo, String postponeReason, OffsetDateTime escalatedAt,
			Long auditId, String sampledSite, String content, String decision, String decidedBy) {
	}

	private final JdbcClient jdbc;

	SurveillanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long open(String certificateNumber, LocalDate cycleStart, int year, LocalDate dueOn, LocalDate latestOn) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"insert into surveillance (certificate_number, cycle_start, surveillance_year, due_on, latest_on, status)"
						+ " values (?, ?, ?, ?, ?, 'OPEN')")
			.params(certificateNumber, cycleStart, year, dueOn, latestOn)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void postpone(long id, LocalDate to, String reason, String by) {
		this.jdbc.sql(
				"update surveillance set status = 'POSTPONED', postponed_to = ?, postpone_reason = ?, postponed_by = ? where id = ?")
			.params(to, reason, by, id)
			.update();
	}

	void escalate(long id) {
		this.jdbc.sql("update surveillance set escalated_at = ? where id = ?").params(EngineTime.now(), id).update();
	}

	void planned(long id, long auditId, String sampledSite, String content) {
		this.jdbc
			.sql("update surveillance set status = 'PLANNED', audit_id = ?, sampled_site = ?, content = ? where id = ?")
			.params(auditId, sampledSite, content, id)
			.update();
	}

	void decided(long id, String decision, String by) {
		this.jdbc.sql(
				"update surveillance set status = 'DECIDED', decision = ?, decided_by = ?, decided_at = ? where id = ?")
			.params(decision, by, EngineTime.now(), id)
			.update();
	}

	public List<Surveillance> of(String certificateNumber) {
		return this.jdbc.sql("select id, certificate_number, cycle_start, surveillance_year, due_on, latest_on, status,"
				+ " postponed_to, postpone_reason, escalated_at, audit_id, sampled_site, content, decision, decided_by"
				+ " from surveillance where certificate_number = ? order by id")
			.param(certificateNumber)
			.query((rs, n) -> new Surveillance(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getInt(4), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
					rs.getObject(8, LocalDate.class), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
					rs.getObject(11, Long.class), rs.getString(12), rs.getString(13), rs.getString(14),
					rs.getString(15)))
			.list();
	}

}
