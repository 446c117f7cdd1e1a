package cn.certflow.audit;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 13.2 (issue 15): the audits of certifications in flight when 13.1 added
 * {@code audit.process_instance_id} are linked to the process that planned them
 * (initial-certification or certificate-audit), from the engine's own record of the audit
 * id in that process, so that their steps still find their audit. Audits of ended
 * processes need no link. On an empty database the engine's tables do not exist yet
 * (Flyway runs first): nothing to link.
 */
@Component
class AuditProcessBackfill implements JavaMigration {

	static final String BACKFILL = "update audit set process_instance_id = ("
			+ "select min(v.proc_inst_id_) from act_ru_variable v"
			+ " join act_ru_execution e on e.id_ = v.proc_inst_id_" + " join act_re_procdef d on d.id_ = e.proc_def_id_"
			+ " where v.name_ = 'auditId' and v.long_ = audit.id"
			+ " and d.key_ in ('initial-certification', 'certificate-audit'))" + " where process_instance_id is null";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("13.2");
	}

	@Override
	public String getDescription() {
		return "audit process instance of certifications in flight";
	}

	@Override
	public Integer getChecksum() {
		return BACKFILL.hashCode();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!exists(connection, "act_ru_variable")) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.executeUpdate(BACKFILL);
		}
	}

	private static boolean exists(Connection connection, String table) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		for (String name : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
