package cn.certflow.system;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every status change of an application, audit or certificate: who, when, why (SPEC "Quality of the whole"). */
@Repository
public class StatusHistory {

	public enum Entity {

		APPLICATION, AUDIT, CERTIFICATE

	}

	public record Change(String fromStatus, String toStatus, String changedBy, OffsetDateTime changedAt, String reason) {
	}

	private final JdbcClient jdbc;

	StatusHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(Entity entity, String key, String fromStatus, String toStatus, String changedBy,
			String reason) {
		this.jdbc
			.sql("insert into status_change (entity_type, entity_key, from_status, to_status, changed_by, changed_at, reason)"
					+ " values (?, ?, ?, ?, ?, ?, ?)")
			.params(entity.name(), key, fromStatus, toStatus, changedBy, EngineTime.now(), reason)
			.update();
	}

	public List<Change> of(Entity entity, String key) {
		return this.jdbc
			.sql("select from_status, to_status, changed_by, changed_at, reason from status_change"
					+ " where entity_type = ? and entity_key = ? order by id")
			.params(entity.name(), key)
			.query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
			.list();
	}

}
