package cn.certflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.support.PostgresDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 8 (R-SUR-1 at scale: a year's surveillance timers falling due together): the job
 * executor acquires due jobs through indexes, not by reading ACT_RU_JOB from end to end,
 * on PostgreSQL. docs/PERFORMANCE.md has the measured effect (bench/harness, 10,000 due
 * timers).
 */
@SpringBootTest
@ActiveProfiles({ "test", "postgres", "demo" })
// close the engine while PostgreSQL still runs (the embedded server stops in a JVM
// shutdown hook)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class JobAcquisitionTuningIT {

	/**
	 * Camunda 7.24's acquisition query (Job.xml selectNextJobsToExecute) with
	 * ensureJobDueDateNotNull, by due date.
	 */
	private static final String ACQUISITION = """
			select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
			where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= now())
			  and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < now()) and RES.SUSPENSION_STATE_ = 1
			  and ((RES.EXCLUSIVE_ = true and not exists(select J2.ID_ from ACT_RU_JOB J2
			        where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
			          and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= now())))
			    or RES.EXCLUSIVE_ = false)
			order by RES.DUEDATE_ asc limit 3 offset 0""";

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	CertificationDriver driver;

	@Autowired
	JobAcquisitionTuning tuning;

	@Autowired
	ProcessEngine engine;

	@Test
	void shouldGiveEveryJobADueDateAndCreateTheAcquisitionIndexes() {
		rejectApplication();
		// the rejection notice to the client is an asynchronous continuation: a job due
		// now, not "due whenever"
		assertThat(this.jdbc.sql("select count(*) from act_ru_job where handler_type_ = 'async-continuation'")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(
				this.jdbc.sql("select count(*) from act_ru_job where duedate_ is null").query(Integer.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select indexname from pg_indexes where tablename = 'act_ru_job'")
			.query(String.class)
			.list()).contains(JobAcquisitionTuning.DUE_DATE_INDEX, JobAcquisitionTuning.LOCKED_INDEX);
		assertThat(this.engine.getProcessEngineConfiguration())
			.extracting("ensureJobDueDateNotNull", "jobExecutorAcquireByDueDate")
			.containsExactly(true, true);
	}

	@Test
	void shouldGiveJobsOfAnEarlierDatabaseTheirCreationTimeAsDueDateOnStart() {
		rejectApplication();
		// as a job made before this setting: no due date (it would never be acquired with
		// ensureJobDueDateNotNull)
		int cleared = this.jdbc.sql("update act_ru_job set duedate_ = null where handler_type_ = 'async-continuation'")
			.update();
		assertThat(cleared).isPositive();

		this.tuning.postProcessEngineBuild(this.engine); // what every start does

		assertThat(this.jdbc
			.sql("select count(*) from act_ru_job where handler_type_ = 'async-continuation'"
					+ " and (duedate_ is null or duedate_ <> create_time_)")
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * An application rejected at review (R-APP-3): its notice to the client waits as an
	 * asynchronous job.
	 */
	private void rejectApplication() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 60));
		this.driver.uploadMandatoryDocuments(number);
		this.driver.complete("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION,
				Map.of("reviewOutcome", "REJECT", "rejectionReason", "认证范围超出本机构的能力"));
	}

	@Test
	void shouldAcquireDueJobsThroughIndexesWhenThousandsAreWaiting() {
		List<String> plan = this.transaction.execute(status -> {
			// 20,000 timers of other certificates (half due), 10 locked by executor
			// threads; rolled back at the end
			this.jdbc
				.sql("insert into act_ru_job (id_, rev_, type_, exclusive_, process_instance_id_, retries_, duedate_,"
						+ " handler_type_, suspension_state_, priority_, create_time_, lock_owner_, lock_exp_time_)"
						+ " select 'bench-' || i, 1, 'timer', true, 'pi-' || i, 3, now() + (i % 2 * 2 - 1) * interval '30 days',"
						+ " 'timer-intermediate-transition', 1, 0, now(), case when i <= 10 then 'node' end,"
						+ " case when i <= 10 then now() + interval '5 minutes' end from generate_series(1, 20000) i")
				.update();
			this.jdbc.sql("analyze act_ru_job").update();
			List<String> lines = this.jdbc.sql("explain " + ACQUISITION).query(String.class).list();
			status.setRollbackOnly();
			return lines;
		});
		assertThat(String.join("\n", plan)).contains(JobAcquisitionTuning.DUE_DATE_INDEX)
			.contains(JobAcquisitionTuning.LOCKED_INDEX)
			.doesNotContainIgnoringCase("seq scan");
	}

}
