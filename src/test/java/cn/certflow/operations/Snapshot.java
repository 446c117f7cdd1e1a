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
import java.util.TreeMap;

import cn.certflow.support.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Everything a restart must keep: the engine's runtime state as Cockpit sees it (Camunda
 * REST: instances, tasks, jobs with their retries and errors, incidents, variables) and
 * our domain records (PostgreSQL, row by row).
 */
record Snapshot(Map<String, List<String>> engine, Map<String, List<Map<String, Object>>> records) {

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
			engine.put(resource,
					rows.stream()
						.sorted(Comparator.comparing((JsonNode row) -> row.path("id").asText()))
						.map(Snapshot::canonical)
						.toList());
		}
		Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (Map.Entry<String, String> table : ourTables(statement).entrySet()) {
				records.put(table.getKey(), rows(statement.executeQuery("select " + table.getValue() + " from "
						+ table.getKey() + " order by " + orderByAll(table.getValue()))));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return new Snapshot(engine, records);
	}

	/** Rows in all our tables. */
	int rows() {
		return this.records.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * Object properties in name order: a JSON variable's value is serialized with
	 * properties in no fixed order.
	 */
	private static final com.fasterxml.jackson.databind.json.JsonMapper CANONICAL = com.fasterxml.jackson.databind.json.JsonMapper
		.builder()
		.enable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	private static String canonical(JsonNode row) {
		try {
			return CANONICAL.writeValueAsString(row);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
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

	/**
	 * Every table of ours (not the engine's ACT_*, not Flyway's history) with its
	 * columns; binary content (uploaded documents) compared by its MD5.
	 */
	private static Map<String, String> ourTables(Statement statement) throws SQLException {
		Map<String, List<String>> columns = new TreeMap<>();
		try (ResultSet rs = statement
			.executeQuery("select table_name, column_name, data_type from information_schema.columns"
					+ " where table_schema = current_schema() and table_name not like 'act\\_%'"
					+ " and table_name <> 'certflow_schema_history' order by table_name, ordinal_position")) {
			while (rs.next()) {
				String column = rs.getString(2);
				columns.computeIfAbsent(rs.getString(1), (table) -> new ArrayList<>())
					.add("bytea".equals(rs.getString(3)) ? "md5(" + column + ") as " + column + "_md5" : column);
			}
		}
		Map<String, String> tables = new LinkedHashMap<>();
		columns.forEach((table, names) -> tables.put(table, String.join(", ", names)));
		return tables;
	}

	private static String orderByAll(String columns) {
		int count = columns.split(",").length;
		StringBuilder order = new StringBuilder("1");
		for (int i = 2; i <= count; i++) {
			order.append(", ").append(i);
		}
		return order.toString();
	}

}
