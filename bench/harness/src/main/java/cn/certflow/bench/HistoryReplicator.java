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
 * Makes many historic certifications quickly (PostgreSQL only): copies every row of a set of real, completed
 * certifications (the template, made through the Java API) with new ids, in one INSERT ... SELECT per table and chunk
 * of copies. Copied: the engine's history (ACT_HI_* and history byte arrays, by root process instance) and our
 * records (client, application, documents, reviews, audit, team, events, score, nonconformities, decision,
 * certificate, status changes, notices). Engine ids that belong to an instance (time-based UUIDs, alone or after an
 * activity id) get a new last group that names the round and copy, so they keep their length; ids of shared things (definitions, deployments, users, groups) are kept; our bigint ids move by a multiple of the
 * table's largest id; numbers and credit codes stay unique. The copies have the same rows, sizes and index entries as
 * certifications made through the engine, so queries see the same data distribution at 10k and 100k.
 */
final class HistoryReplicator {

	/** Engine columns that hold ids of the instance's own rows (suffixed in copies). */
	private static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
			"act_inst_id_", "parent_act_inst_id_", "task_id_", "parent_task_id_", "bytearray_id_", "var_inst_id_",
			"dec_inst_id_", "root_dec_inst_id_", "call_proc_inst_id_", "super_process_instance_id_",
			"process_instance_id_", "job_id_", "operation_id_", "job_exception_stack_id_", "business_key_");

	private final ScratchDatabase db;

	private int round;

	private int templateSize;

	/** Above every id of our tables when the template was taken: the room one copy's ids need. */
	private long span;

	HistoryReplicator(ScratchDatabase db) {
		this.db = db;
	}

	/** The completed certifications present now become the template; returns how many there are. */
	int captureTemplate() throws SQLException {
		try (Connection c = this.db.connect(); Statement s = c.createStatement()) {
			s.execute("drop table if exists bench.template_root, bench.template_application, bench.template_audit");
			s.execute("create table bench.template_application as select a.id, a.number, a.client_id, a.process_instance_id"
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
	 * Adds {@code copies} copies of the template, committed in chunks of {@code chunk} copies; stops after the chunk
	 * that passes the deadline ({@link System#nanoTime()}). Returns the copies made.
	 */
	int replicate(int copies, int chunk, long deadline) throws SQLException {
		int made = 0;
		this.round++;
		try (Connection c = this.db.connect()) {
			c.setAutoCommit(false);
			List<String> engineTables = engineTables(c);
			for (int from = 1; from <= copies; from += chunk) {
				int to = Math.min(copies, from + chunk - 1);
				// copy k's ids: template id + base + (k - from) * span, a range of its own above every id so far
				String m = "(" + (largestId(c) + 1 - (long) from * this.span) + " + k * " + this.span + ")";
				try (Statement s = c.createStatement()) {
					for (String table : engineTables) {
						s.executeUpdate(engineCopy(c, table, from, to));
					}
					for (String sql : recordCopies(from, to, m)) {
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
				for (String table : List.of("client", "application", "application_document", "document_review",
						"escalation", "audit", "audit_event", "audit_score", "nonconformity", "certification_decision",
						"certificate", "status_change", "client_notice")) {
					s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), (select coalesce(max(id), 1) from "
							+ table + "))");
				}
			}
			c.commit();
		}
		return made;
	}

	/** The largest id in any of our tables. */
	private static long largestId(Connection c) throws SQLException {
		StringBuilder sql = new StringBuilder("select greatest(");
		List<String> tables = List.of("client", "application", "application_document", "document_review", "escalation",
				"audit", "audit_event", "audit_score", "nonconformity", "certification_decision", "certificate",
				"status_change", "client_notice");
		for (int i = 0; i < tables.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("(select coalesce(max(id), 0) from ").append(tables.get(i)).append(')');
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
	 * A copy's engine id: the last group of the UUID (the generator's node id) replaced by {@code beef}, the round and
	 * the copy in hex, so the id stays as long as the original (ids such as {@code CallActivity_OnsiteAudit:<uuid>} leave
	 * no room for a suffix in varchar(64)) and unique: the rest of a time-based UUID differs from row to row.
	 */
	private String copyId(String column) {
		return "case when " + column + " is null then null when length(" + column + ") >= 36 and substr(" + column
				+ ", length(" + column + ") - 12, 1) = '-' then left(" + column + ", length(" + column
				+ ") - 12) || 'beef' || lpad(to_hex(" + this.round + "), 2, '0') || lpad(to_hex(k), 6, '0') else "
				+ column + " || '~" + this.round + ".' || k end";
	}

	private List<String> recordCopies(int from, int to, String m) {
		String copies = " generate_series(" + from + ", " + to + ") k";
		String suffix = " || '~" + this.round + ".' || k";
		String app = " application_id in (select id from bench.template_application)";
		String audit = " audit_id in (select id from bench.template_audit)";
		return List.of(
				"insert into client (id, name, address, credit_code, legal_status, created_at)"
						+ " select id + " + m + ", name, address, upper(substr(md5(credit_code || '~" + this.round
						+ ".' || k), 1, 18)), legal_status, created_at from client," + copies
						+ " where id in (select client_id from bench.template_application)",
				"insert into application (id, number, client_id, scheme, requested_stars, technical_area, categories, sites,"
						+ " headcount, declared_documents, status, received_at, review_due_at, reviewed_at, reviewed_by,"
						+ " review_minutes, contract_number, contract_signed_on, process_instance_id)"
						+ " select id + " + m + ", number" + suffix + ", client_id + " + m + ", scheme,"
						+ " requested_stars, technical_area, categories, sites, headcount, declared_documents, status,"
						+ " received_at, review_due_at, reviewed_at, reviewed_by, review_minutes, contract_number,"
						+ " contract_signed_on, " + copyId("process_instance_id") + " from application," + copies
						+ " where id in (select id from bench.template_application)",
				"insert into application_document (id, application_id, document_type, file_name, content_type, size_bytes,"
						+ " sha256, content, uploaded_by, uploaded_at) select id + " + m + ", application_id + "
						+ m + ", document_type, file_name, content_type, size_bytes, sha256, content, uploaded_by,"
						+ " uploaded_at from application_document," + copies + " where" + app,
				"insert into document_review (id, application_id, round, passed, findings, reviewed_by, reviewed_at)"
						+ " select id + " + m + ", application_id + " + m + ", round, passed, findings,"
						+ " reviewed_by, reviewed_at from document_review," + copies + " where" + app,
				"insert into escalation (id, application_id, kind, due_at, escalated_at, escalated_to)"
						+ " select id + " + m + ", application_id + " + m + ", kind, due_at, escalated_at,"
						+ " escalated_to from escalation," + copies + " where" + app,
				"insert into audit (id, application_id, audit_type, person_days, lead_auditor, planned_on, status, outcome,"
						+ " planned_by, planned_at) select id + " + m + ", application_id + " + m + ", audit_type,"
						+ " person_days, lead_auditor, planned_on, status, outcome, planned_by, planned_at from audit,"
						+ copies + " where" + app,
				"insert into audit_team_member (audit_id, user_id, role) select audit_id + " + m + ", user_id, role"
						+ " from audit_team_member," + copies + " where" + audit,
				"insert into audit_event (id, audit_id, kind, details, recorded_by, recorded_at) select id + " + m
						+ ", audit_id + " + m + ", kind, details, recorded_by, recorded_at from audit_event," + copies
						+ " where" + audit,
				"insert into audit_score (id, audit_id, scheme, score, stars, grade, decision_key, decision_version,"
						+ " decision_definition_id, explanation, item_scores, scored_by, scored_at) select id + " + m
						+ ", audit_id + " + m + ", scheme, score, stars, grade, decision_key, decision_version,"
						+ " decision_definition_id, explanation, item_scores, scored_by, scored_at from audit_score,"
						+ copies + " where" + audit,
				"insert into nonconformity (id, audit_id, description, raised_at, due_at, closed_at, closed_by)"
						+ " select id + " + m + ", audit_id + " + m + ", description, raised_at, due_at, closed_at,"
						+ " closed_by from nonconformity," + copies + " where" + audit,
				"insert into certification_decision (id, application_id, audit_id, certified, stars, reasons, external_info,"
						+ " decided_by, decided_at) select id + " + m + ", application_id + " + m + ", audit_id + "
						+ m + ", certified, stars, reasons, external_info, decided_by, decided_at from"
						+ " certification_decision," + copies + " where" + app,
				"insert into certificate (id, number, application_id, revision, certification_body, holder_name,"
						+ " holder_address, credit_code, scope, scheme, rule_document, standard, stars, grade, decision_key,"
						+ " decision_version, grade_explanation, issued_on, expires_on, signatory, status)"
						+ " select id + " + m + ", number" + suffix + ", application_id + " + m + ", revision,"
						+ " certification_body, holder_name, holder_address, upper(substr(md5(credit_code || '~" + this.round
						+ ".' || k), 1, 18)), scope, scheme, rule_document, standard, stars, grade, decision_key,"
						+ " decision_version, grade_explanation, issued_on, expires_on, signatory, status from certificate,"
						+ copies + " where" + app,
				"insert into status_change (id, entity_type, entity_key, from_status, to_status, changed_by, changed_at,"
						+ " reason) select s.id + " + m + ", s.entity_type, case s.entity_type when 'AUDIT' then"
						+ " (s.entity_key::bigint + " + m + ")::text else s.entity_key" + suffix + " end,"
						+ " s.from_status, s.to_status, s.changed_by, s.changed_at, s.reason from status_change s," + copies
						+ " where (s.entity_type = 'APPLICATION' and s.entity_key in (select number from"
						+ " bench.template_application)) or (s.entity_type = 'AUDIT' and s.entity_key in (select id::text"
						+ " from bench.template_audit)) or (s.entity_type = 'CERTIFICATE' and s.entity_key in (select"
						+ " c.number from certificate c where c.application_id in (select id from"
						+ " bench.template_application)))",
				"insert into client_notice (id, application_id, kind, body, created_by, created_at) select id + " + m
						+ ", application_id + " + m + ", kind, body, created_by, created_at from client_notice," + copies
						+ " where" + app);
	}

}
