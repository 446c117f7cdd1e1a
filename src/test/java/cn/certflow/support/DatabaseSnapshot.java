package cn.certflow.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a refused request must leave unchanged: the row count of every CertFlow table
 * (found in the schema, so tables added by later migrations count too), the number
 * counters' values (a refused request burns no number), and the engine's runtime and
 * history rows of instances, tasks, variables, jobs and decisions.
 */
public final class DatabaseSnapshot {

	private static final List<String> ENGINE_TABLES = List.of("act_ru_execution", "act_ru_task", "act_ru_variable",
			"act_ru_job", "act_ru_identitylink", "act_ru_incident", "act_re_deployment", "act_hi_procinst",
			"act_hi_taskinst", "act_hi_decinst", "act_hi_varinst");

	private DatabaseSnapshot() {
	}

	/** Table (or counter) name → rows (or value). */
	public static Map<String, Long> take(JdbcClient jdbc) {
		Map<String, Long> snapshot = new TreeMap<>();
		List<String> ours = jdbc
			.sql("select lower(table_name) from information_schema.tables where table_schema = current_schema()"
					+ " and table_type in ('BASE TABLE', 'TABLE') and lower(table_name) not like 'act\\_%' escape '\\'"
					+ " and lower(table_name) <> 'certflow_schema_history'")
			.query(String.class)
			.list();
		if (ours.isEmpty()) {
			throw new IllegalStateException("no CertFlow tables found in the current schema");
		}
		for (String table : ours) {
			snapshot.put(table, count(jdbc, table));
		}
		for (String table : ENGINE_TABLES) {
			snapshot.put(table, count(jdbc, table));
		}
		jdbc.sql("select name, last_value from number_counter")
			.query((rs, n) -> snapshot.put("number_counter." + rs.getString(1), rs.getLong(2)))
			.list();
		return snapshot;
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
