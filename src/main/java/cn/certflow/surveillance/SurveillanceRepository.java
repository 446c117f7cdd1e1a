package cn.certflow.surveillance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.system.EngineTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Annual surveillances (table surveillance), R-SUR-1; other packages ask
 * {@link SurveillanceService}.
 */
@Repository
class SurveillanceRepository {

	private final JdbcClient jdbc;

	SurveillanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long open(String certificateNumber, LocalDate cycleStart, int year, LocalDate dueOn, LocalDate latestOn) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into surveillance (certificate_number, cycle_start, surveillance_year, due_on, latest_on, status)
				values (?, ?, ?, ?, ?, 'OPEN')""")
			.params(certificateNumber, cycleStart, year, dueOn, latestOn)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void postpone(long id, LocalDate to, String reason, String by) {
		this.jdbc.sql("""
				update surveillance set status = 'POSTPONED', postponed_to = ?, postpone_reason = ?, postponed_by = ?
				where id = ?""").params(to, reason, by, id).update();
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
		this.jdbc.sql("""
				update surveillance set status = 'DECIDED', decision = ?, decided_by = ?, decided_at = ?
				where id = ?""").params(decision, by, EngineTime.now(), id).update();
	}

	String certificateOf(long id) {
		return this.jdbc.sql("select certificate_number from surveillance where id = ?")
			.param(id)
			.query(String.class)
			.single();
	}

	List<Surveillance> of(String certificateNumber) {
		return this.jdbc.sql("""
				select id, certificate_number, cycle_start, surveillance_year, due_on, latest_on, status,
				postponed_to, postpone_reason, escalated_at, audit_id, sampled_site, content, decision, decided_by,
				decided_at
				from surveillance where certificate_number = ? order by id""")
			.param(certificateNumber)
			.query(SurveillanceRepository::map)
			.list();
	}

	private static Surveillance map(ResultSet rs, int row) throws SQLException {
		return new Surveillance(rs.getLong("id"), rs.getString("certificate_number"),
				rs.getObject("cycle_start", LocalDate.class), rs.getInt("surveillance_year"),
				rs.getObject("due_on", LocalDate.class), rs.getObject("latest_on", LocalDate.class),
				rs.getString("status"), rs.getObject("postponed_to", LocalDate.class), rs.getString("postpone_reason"),
				rs.getObject("escalated_at", OffsetDateTime.class), rs.getObject("audit_id", Long.class),
				rs.getString("sampled_site"), rs.getString("content"), rs.getString("decision"),
				rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));
	}

}
