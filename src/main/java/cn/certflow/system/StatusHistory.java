package cn.certflow.system;

import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every status change of an application, audit or certificate: who, when, why (SPEC
 * "Quality of the whole").
 */
@Repository
public class StatusHistory {

	public enum Entity {

		APPLICATION, AUDIT, CERTIFICATE, SURVEILLANCE, REQUEST, CASE, CERTIFICATE_AUDIT

	}

	public record Change(String fromStatus, String toStatus, String changedBy, OffsetDateTime changedAt, String reason,
			String processKey, String processInstanceId) {
	}

	/** The process a change was made in: its definition key and instance id. */
	public record Process(String key, String instanceId) {

		public static Process of(DelegateExecution execution) {
			String definitionId = execution.getProcessDefinitionId();
			return new Process(definitionId.substring(0, definitionId.indexOf(':')), execution.getProcessInstanceId());
		}

		public static Process of(DelegateTask task) {
			return of(task.getExecution());
		}

	}

	private final JdbcClient jdbc;

	StatusHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(Entity entity, String key, String fromStatus, String toStatus, String changedBy, String reason) {
		record(entity, key, fromStatus, toStatus, changedBy, reason, null);
	}

	public void record(Entity entity, String key, String fromStatus, String toStatus, String changedBy, String reason,
			Process process) {
		this.jdbc.sql(
				"insert into status_change (entity_type, entity_key, from_status, to_status, changed_by, changed_at, reason,"
						+ " process_key, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entity.name(), key, fromStatus, toStatus, changedBy, EngineTime.now(), reason,
					(process != null) ? process.key() : null, (process != null) ? process.instanceId() : null)
			.update();
	}

	public List<Change> of(Entity entity, String key) {
		return this.jdbc
			.sql("select from_status, to_status, changed_by, changed_at, reason, process_key, process_instance_id"
					+ " from status_change where entity_type = ? and entity_key = ? order by id")
			.params(entity.name(), key)
			.query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

}
