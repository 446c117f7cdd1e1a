package cn.certflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes many historic certifications quickly (PostgreSQL only): copies every row of a set
 * of real, completed certifications (the template, made through the Java API) with new
 * ids, in one INSERT ... SELECT per table and chunk of copies. Copied: the engine's
 * history of the initial certification and its on-site audit (ACT_HI_* and history byte
 * arrays, by root process instance) and our records of it (client, application,
 * documents, reviews, audit, score, decision, certificate and its revision and
 * surveillance rows, status changes, notices: every table of ours that refers to an
 * application, audit or certificate). Not copied: the certificate's running
 * {@code certificate-lifecycle} instance, so the copies add history, not runtime rows.
 * Engine ids that belong to an instance (time-based UUIDs, alone or after an activity id)
 * get a new last group that names the round and copy, so they keep their length; ids of
 * shared things (definitions, deployments, users, groups) are kept; our bigint ids move
 * by a multiple of the table's largest id; numbers and credit codes stay unique. The
 * copies have the same rows, sizes and index entries as certifications made through the
 * engine, so queries see the same data distribution at 10k and 100k.
 */
final class HistoryReplicator {

	/** Engine columns that hold ids of the instance's own rows (suffixed in copies). */
	private static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_",
			"execution_id_", "act_inst_id_", "parent_act_inst_id_", "task_id_", "parent_task_id_", "bytearray_id_",
			"var_inst_id_", "dec_inst_id_", "root_dec_inst_id_", "call_proc_inst_id_", "super_process_instance_id_",
			"process_instance_id_", "job_id_", "operation_id_", "job_exception_stack_id_", "business_key_");

	private final ScratchDatabase db;

	private int round;

	private int templateSize;

	/**
	 * Above every id of our tables when the template was taken: the room one copy's ids
	 * need.
	 */
	private long span;

	HistoryReplicator(ScratchDatabase db) {
		this.db = db;
	}

	/**
	 * The completed certifications present now become the template; returns how many
	 * there are.
	 */
	int captureTemplate() throws SQLException {
		try (Connection c = this.db.connect(); Statement s = c.createStatement()) {
			s.execute("drop table if exists bench.template_root, bench.template_application, bench.template_audit");
			s.execute(
					"create table bench.template_application as select a.id, a.number, a.client_id, a.process_instance_id"
							+ " from application a where a.status = 'CERTIFIED'");
			s.execute("create table bench.template_root as select p.proc_inst_id_ from act_hi_procinst p"
					+ " join bench.template_application a on a.process_instance_id = p.proc_inst_id_"
					+ " where p.end_time_ is not null");
			s.execute("create table bench.template_audit as select u.id from audit u"
					+ " join bench.template_application a on a.id = u.application_id");
			try (ResultSet rs = s.executeQuery("select count(*) from bench.template_root")) {
				rs.next();
				this.templateSize = rs.getInt(1);
			}
			this.span = largestId(c) + 1;
		}
		return this.templateSize;
	}

	int templateSize() {
		return this.templateSize;
	}

	/**
	 * Adds {@code copies} copies of the template, committed in chunks of {@code chunk}
	 * copies; stops after the chunk that passes the deadline ({@link System#nanoTime()}).
	 * Returns the copies made.
	 */
	int replicate(int copies, int chunk, long deadline) throws SQLException {
		int made = 0;
		this.round++;
		try (Connection c = this.db.connect()) {
			c.setAutoCommit(false);
			List<String> engineTables = engineTables(c);
			for (int from = 1; from <= copies; from += chunk) {
				int to = Math.min(copies, from + chunk - 1);
				// copy k's ids: template id + base + (k - from) * span, a range of its
				// own above every id so far
				String m = "(" + (largestId(c) + 1 - (long) from * this.span) + " + k * " + this.span + ")";
				try (Statement s = c.createStatement()) {
					for (String table : engineTables) {
						s.executeUpdate(engineCopy(c, table, from, to));
					}
					for (String sql : recordCopies(c, from, to, m)) {
						s.executeUpdate(sql);
					}
				}
				c.commit();
				made = to;
				if (System.nanoTime() > deadline) {
					break;
				}
			}
			try (Statement s = c.createStatement()) {
				for (String table : identityTables(c)) {
					s.execute("select setval(pg_get_serial_sequence('" + table
							+ "', 'id'), (select coalesce(max(id), 1) from " + table + "))");
				}
			}
			c.commit();
		}
		return made;
	}

	/** The largest id in any of our tables. */
	private static long largestId(Connection c) throws SQLException {
		StringBuilder sql = new StringBuilder("select greatest(0");
		for (String table : identityTables(c)) {
			sql.append(", (select coalesce(max(id), 0) from ").append(table).append(')');
		}
		sql.append(")");
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static List<String> engineTables(Connection c) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement("select table_name from information_schema.columns"
				+ " where table_schema = current_schema() and column_name = 'root_proc_inst_id_'"
				+ " and (table_name like 'act_hi_%' or table_name = 'act_ge_bytearray') order by table_name");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		return tables;
	}

	private String engineCopy(Connection c, String table, int from, int to) throws SQLException {
		List<String> columns = new ArrayList<>();
		List<String> values = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement("select column_name from information_schema.columns"
				+ " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
			s.setString(1, table);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					String column = rs.getString(1);
					columns.add(column);
					values.add(column.equals("business_key_") ? column + " || '~" + this.round + ".' || k"
							: INSTANCE_IDS.contains(column) ? copyId(column) : column);
				}
			}
		}
		return "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
				+ " from " + table + " t, generate_series(" + from + ", " + to + ") k"
				+ " where t.root_proc_inst_id_ in (select proc_inst_id_ from bench.template_root)";
	}

	/**
	 * A copy's engine id: the last group of the UUID (the generator's node id) replaced
	 * by {@code beef}, the round and the copy in hex, so the id stays as long as the
	 * original (ids such as {@code CallActivity_OnsiteAudit:<uuid>} leave no room for a
	 * suffix in varchar(64)) and unique: the rest of a time-based UUID differs from row
	 * to row.
	 */
	private String copyId(String column) {
		return "case when " + column + " is null then null when length(" + column + ") >= 36 and substr(" + column
				+ ", length(" + column + ") - 12, 1) = '-' then left(" + column + ", length(" + column
				+ ") - 12) || 'beef' || lpad(to_hex(" + this.round + "), 2, '0') || lpad(to_hex(k), 6, '0') else "
				+ column + " || '~" + this.round + ".' || k end";
	}

	/**
	 * Our tables, by their columns (so that tables the application adds later are copied
	 * too): a row belongs to the template through {@code application_id},
	 * {@code audit_id}, {@code certificate_number} or, for status changes, the entity it
	 * names. Bigint ids and references move by the copy's offset; numbers get the copy's
	 * suffix; credit codes a new unique value; process instance ids the copy's engine id.
	 */
	private List<String> recordCopies(Connection c, int from, int to, String m) throws SQLException {
		String suffix = " || '~" + this.round + ".' || k";
		String apps = "(select id from bench.template_application)";
		String audits = "(select id from bench.template_audit)";
		String certificates = "(select number from certificate where application_id in " + apps + ")";
		List<String> statements = new ArrayList<>();
		for (String table : recordTables(c)) {
			List<String> columns = columns(c, table);
			String where;
			if (table.equals("client")) {
				where = "id in (select client_id from bench.template_application)";
			}
			else if (table.equals("application")) {
				where = "id in " + apps;
			}
			else if (table.equals("status_change")) {
				where = "(entity_type = 'APPLICATION' and entity_key in (select number from bench.template_application))"
						+ " or (entity_type = 'AUDIT' and entity_key in (select id::text from bench.template_audit))"
						+ " or (entity_type = 'CERTIFICATE' and entity_key in " + certificates + ")"
						+ " or (entity_type = 'SURVEILLANCE' and entity_key in (select id::text from surveillance"
						+ " where certificate_number in " + certificates + "))";
			}
			else if (columns.contains("application_id")) {
				where = "application_id in " + apps;
			}
			else if (columns.contains("audit_id")) {
				where = "audit_id in " + audits;
			}
			else if (columns.contains("certificate_number")) {
				where = "certificate_number in " + certificates;
			}
			else {
				continue; // not part of a certification (counters, cases, ...)
			}
			List<String> values = new ArrayList<>();
			for (String column : columns) {
				values.add(switch (column) {
					case "id", "application_id", "audit_id", "client_id" -> column + " + " + m;
					case "number", "certificate_number" -> column + suffix;
					case "credit_code" -> "upper(substr(md5(credit_code || '~" + this.round + ".' || k), 1, 18))";
					case "process_instance_id" -> copyId(column);
					case "entity_key" ->
						"case when entity_type in ('AUDIT', 'SURVEILLANCE') then (entity_key::bigint + " + m
								+ ")::text else entity_key" + suffix + " end";
					default -> column;
				});
			}
			statements.add(
					"insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
							+ " from " + table + ", generate_series(" + from + ", " + to + ") k where " + where);
		}
		return statements;
	}

	/**
	 * Our tables, parents first (client, application, audit before the rows that refer to
	 * them).
	 */
	private static List<String> recordTables(Connection c) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement("select table_name from information_schema.tables"
				+ " where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'act\\_%'"
				+ " and table_name not in ('certflow_schema_history', 'number_counter') order by table_name");
				ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				tables.add(rs.getString(1));
			}
		}
		List<String> parentsFirst = new ArrayList<>(List.of("client", "application", "audit"));
		parentsFirst.retainAll(tables);
		tables.removeAll(parentsFirst);
		parentsFirst.addAll(tables);
		return parentsFirst;
	}

	private static List<String> columns(Connection c, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement("select column_name from information_schema.columns"
				+ " where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
			s.setString(1, table);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					columns.add(rs.getString(1));
				}
			}
		}
		return columns;
	}

	/** Tables with an identity id, whose sequences must move past the copies. */
	private static List<String> identityTables(Connection c) throws SQLException {
		List<String> tables = new ArrayList<>();
		for (String table : recordTables(c)) {
			if (columns(c, table).contains("id")) {
				tables.add(table);
			}
		}
		return tables;
	}

}
