package cn.certflow.operations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.support.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything a restart must keep: the engine's runtime state as Cockpit sees it (Camunda REST: instances, tasks,
 * jobs with their retries and errors, incidents, variables) and our domain records (PostgreSQL, row by row).
 */
record Snapshot(Map<String, List<String>> engine, Map<String, List<Map<String, Object>>> records) {

	/** Our tables, and what identifies a row's content (documents: their hash, not the bytes). */
	static final Map<String, String> TABLES = tables();

	static Snapshot take(CertFlowHttp http, PostgresDatabase.Jdbc database) {
		Map<String, List<String>> engine = new LinkedHashMap<>();
		for (String resource : List.of("process-instance", "task", "job", "incident", "variable-instance")) {
			List<JsonNode> rows = new ArrayList<>();
			if (resource.equals("job")) {
				rows.addAll(http.processJobs());
			}
			else {
				http.get("admin", "/engine-rest/" + resource + "?maxResults=10000").forEach(rows::add);
			}
			engine.put(resource, rows.stream()
				.sorted(Comparator.comparing((JsonNode row) -> row.path("id").asText()))
				.map(JsonNode::toString)
				.toList());
		}
		Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (Map.Entry<String, String> table : TABLES.entrySet()) {
				records.put(table.getKey(), rows(statement.executeQuery(
						"select " + table.getValue() + " from " + table.getKey() + " order by 1, 2")));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return new Snapshot(engine, records);
	}

	int size(String what) {
		return this.engine.containsKey(what) ? this.engine.get(what).size() : this.records.get(what).size();
	}

	private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
		List<Map<String, Object>> rows = new ArrayList<>();
		ResultSetMetaData meta = rs.getMetaData();
		while (rs.next()) {
			Map<String, Object> row = new LinkedHashMap<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				row.put(meta.getColumnName(i), rs.getObject(i));
			}
			rows.add(row);
		}
		return rows;
	}

	private static Map<String, String> tables() {
		Map<String, String> tables = new LinkedHashMap<>();
		for (String table : List.of("client", "application", "document_review", "escalation", "audit", "audit_event",
				"audit_score", "nonconformity", "certification_decision", "certificate", "status_change",
				"client_notice", "number_counter")) {
			tables.put(table, "*");
		}
		tables.put("audit_team_member", "audit_id, user_id, role");
		tables.put("application_document", "id, application_id, document_type, file_name, size_bytes, sha256, uploaded_by");
		return tables;
	}

}
