package cn.certflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, migration 13.2: audits of certifications in flight are linked to the process
 * that planned them, from the engine's record of their id; the on-site audit's copy of
 * the id, an audit of an ended process and one already linked are left alone, and a new
 * database (no engine tables yet) is left as it is.
 */
class AuditProcessBackfillTest {

	@Test
	void shouldLinkTheAuditsOfRunningCertificationsToTheProcessThatPlannedThem() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:backfill-engine;DB_CLOSE_DELAY=-1")) {
			run(connection, "create table audit (id bigint primary key, process_instance_id varchar(64))",
					"create table act_re_procdef (id_ varchar(64), key_ varchar(255))",
					"create table act_ru_execution (id_ varchar(64), proc_def_id_ varchar(64))",
					"create table act_ru_variable (name_ varchar(255), long_ bigint, proc_inst_id_ varchar(64))",
					"insert into audit values (1, null), (2, null), (3, null), (4, 'already')",
					"insert into act_re_procdef values ('ic:1', 'initial-certification'), ('ca:1', 'certificate-audit'),"
							+ " ('oa:1', 'onsite-audit')",
					"insert into act_ru_execution values ('pi-1', 'ic:1'), ('pi-2', 'ca:1'), ('pi-2-onsite', 'oa:1')",
					"insert into act_ru_variable values ('auditId', 1, 'pi-1'), ('auditId', 2, 'pi-2'),"
							+ " ('auditId', 2, 'pi-2-onsite'), ('auditId', 4, 'pi-1')");

			new AuditProcessBackfill().migrate(context(connection));

			assertThat(links(connection)).containsExactly("1=pi-1", "2=pi-2", "3=null", "4=already");
		}
	}

	@Test
	void shouldDoNothingOnANewDatabase() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:backfill-new;DB_CLOSE_DELAY=-1")) {
			run(connection, "create table audit (id bigint primary key, process_instance_id varchar(64))",
					"insert into audit values (1, null)");
			new AuditProcessBackfill().migrate(context(connection));
			assertThat(links(connection)).containsExactly("1=null");
		}
	}

	private static void run(Connection connection, String... statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	private static List<String> links(Connection connection) throws SQLException {
		List<String> links = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select id, process_instance_id from audit order by id")) {
			while (rows.next()) {
				links.add(rows.getLong(1) + "=" + rows.getString(2));
			}
		}
		return links;
	}

	private static Context context(Connection connection) {
		return new Context() {

			@Override
			public Configuration getConfiguration() {
				return null;
			}

			@Override
			public Connection getConnection() {
				return connection;
			}

		};
	}

}
