package cn.certflow.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Job acquisition that stays fast when thousands of timers fall due at once (issue 8,
 * docs/PERFORMANCE.md "Timers at scale"): every surveillance of a year's certificates is
 * one timer job in ACT_RU_JOB, and its boundary timers add two more each. Camunda's
 * acquisition query ({@code DUEDATE_ is null or DUEDATE_ <= now}, no ordering, plus a
 * {@code not exists} over the jobs locked by other threads) has no index to use on
 * PostgreSQL: measured with 10,000 due timers, each acquisition of 3 jobs read ~31,000
 * rows, PostgreSQL spent 9 ms of CPU per fired timer and the job executor fired 141
 * timers/s. With the settings and indexes below: 207/s, 5.2 ms PostgreSQL CPU per timer,
 * no sequential scan of ACT_RU_JOB.
 * <ul>
 * <li>{@code ensureJobDueDateNotNull}: every job gets a due date (an asynchronous
 * continuation: its creation time), so the query loses its {@code is null} branch and can
 * use an index on DUEDATE_;</li>
 * <li>{@code jobExecutorAcquireByDueDate}: jobs are acquired oldest due date first (the
 * most overdue surveillance first), which also makes PostgreSQL read that index in order
 * and stop after the first jobs it can lock;</li>
 * <li>index {@value #DUE_DATE_INDEX} on DUEDATE_, and on PostgreSQL a partial index
 * {@value #LOCKED_INDEX} on the locked jobs only, which the {@code not exists} check
 * reads instead of the whole table.</li>
 * </ul>
 * The engine owns its tables (they are created after our Flyway migrations, see
 * {@link EngineAfterFlyway}), so the indexes are created here, once the engine's schema
 * exists: {@code create index if not exists}, idempotent on every start and on every
 * node. Jobs created before this setting (an existing database) get their creation time
 * as due date, or they would never be acquired.
 */
@Component
class JobAcquisitionTuning extends AbstractProcessEnginePlugin {

	static final String DUE_DATE_INDEX = "act_idx_job_duedate";

	static final String LOCKED_INDEX = "act_idx_job_locked";

	private static final Logger log = LoggerFactory.getLogger(JobAcquisitionTuning.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setEnsureJobDueDateNotNull(true);
		configuration.setJobExecutorAcquireByDueDate(true);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		String prefix = configuration.getDatabaseTablePrefix();
		DataSource dataSource = configuration.getDataSource();
		int updated = execute(dataSource, "update " + prefix + "ACT_RU_JOB set DUEDATE_ = coalesce(CREATE_TIME_,"
				+ " current_timestamp) where DUEDATE_ is null", null);
		if (updated > 0) {
			log.info("gave {} job(s) without a due date their creation time as due date", updated);
		}
		execute(dataSource, "create index if not exists " + DUE_DATE_INDEX + " on " + prefix + "ACT_RU_JOB (DUEDATE_)",
				DUE_DATE_INDEX);
		if ("postgres".equals(configuration.getDatabaseType())) {
			execute(dataSource, "create index if not exists " + LOCKED_INDEX + " on " + prefix
					+ "ACT_RU_JOB (LOCK_EXP_TIME_) where LOCK_OWNER_ is not null", LOCKED_INDEX);
		}
	}

	/**
	 * Runs one statement in a transaction of its own; {@code index}: the index it
	 * creates, if it does.
	 */
	private static int execute(DataSource dataSource, String sql, String index) {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(true);
			return statement.executeUpdate(sql);
		}
		catch (SQLException ex) {
			// two nodes starting at once may race to create the same index; the one that
			// lost finds it made
			if (index == null || !indexExists(dataSource, index)) {
				throw new ProcessEngineException("job acquisition tuning failed: " + sql, ex);
			}
			return 0;
		}
	}

	private static boolean indexExists(DataSource dataSource, String index) {
		try (Connection connection = dataSource.getConnection()) {
			boolean upper = connection.getMetaData().storesUpperCaseIdentifiers();
			try (var rs = connection.getMetaData()
				.getIndexInfo(null, null, upper ? "ACT_RU_JOB" : "act_ru_job", false, false)) {
				while (rs.next()) {
					if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
						return true;
					}
				}
			}
			return false;
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
