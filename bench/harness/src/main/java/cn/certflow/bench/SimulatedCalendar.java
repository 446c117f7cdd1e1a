package cn.certflow.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The days of a simulated certification body. Each day the engine clock is set to 09:00
 * in Beijing; on working days applications arrive (Poisson, a scheme mix of PCEC, ZHHT
 * and CQM, sizes from 20 to 800 people) and complaints come in; then, until nothing
 * moves, every job that is due is executed (timers, mail steps; the job executor is off,
 * so each job runs exactly when the simulated day reaches it) and every task whose day
 * has come is done by the simulated staff. At the end of the day the invariants are
 * checked.
 */
final class SimulatedCalendar {

	private static final List<String> SCHEMES = List.of("PCEC", "PCEC", "PCEC", "PCEC", "ZHHT", "ZHHT", "CQM");

	private final CertificationDriver driver;

	private final ManagementService management;

	private final SimulatedStaff staff;

	private final ComplaintDesk complaints;

	private final YearInvariants invariants;

	private final Random random;

	private final double applicationsPerWorkingDay;

	private final JdbcTemplate jdbc;

	private final Workers workers;

	int applications;

	int jobsExecuted;

	int tasksDone;

	/** Job runs that collided with another and were run again alone. */
	int jobCollisions;

	/**
	 * Wall time by part of the day: arrivals, due jobs, staff (SimulatedStaff splits
	 * listing and completing), invariants, ANALYZE.
	 */
	final Map<String, Long> nanos = new LinkedHashMap<>();

	SimulatedCalendar(CertificationDriver driver, ManagementService management, SimulatedStaff staff,
			ComplaintDesk complaints, YearInvariants invariants, Random random, double applicationsPerWorkingDay,
			JdbcTemplate jdbc, Workers workers) {
		this.jdbc = jdbc;
		this.workers = workers;
		this.driver = driver;
		this.management = management;
		this.staff = staff;
		this.complaints = complaints;
		this.invariants = invariants;
		this.random = random;
		this.applicationsPerWorkingDay = applicationsPerWorkingDay;
	}

	/**
	 * Runs {@code days} days from {@code first}; {@code arrivals} false lets the work
	 * drain.
	 */
	void run(LocalDate first, int days, boolean arrivals) {
		for (int i = 0; i < days; i++) {
			day(first.plusDays(i), arrivals);
		}
	}

	private void day(LocalDate day, boolean arrivals) {
		ClockUtil
			.setCurrentTime(Date.from(LocalDateTime.of(day, LocalTime.of(9, 0)).atZone(EngineTime.ZONE).toInstant()));
		long began = System.nanoTime();
		if (day.getDayOfMonth() == 1) {
			// autovacuum is off on this image's PostgreSQL: without fresh statistics the
			// planner keeps scanning tables it believes empty (act_ru_job, application);
			// a production server's autovacuum analyzes as they grow, this stands in
			this.jdbc.execute("ANALYZE");
		}
		began = took("ANALYZE", began);
		boolean workingDay = day.getDayOfWeek().getValue() < 6;
		if (workingDay && arrivals) {
			for (int n = poisson(this.applicationsPerWorkingDay); n > 0; n--) {
				apply();
			}
			this.complaints.receiveToday(this.random);
		}
		began = took("arrivals", began);
		for (int round = 0; round < 500; round++) {
			int moved = fireDueJobs();
			began = took("due jobs", began);
			if (workingDay) {
				int done = this.staff.workOn(day);
				this.tasksDone += done;
				moved += done;
			}
			began = took("staff", began);
			if (moved == 0) {
				break;
			}
		}
		this.invariants.endOfDay(day);
		took("invariants", began);
	}

	private long took(String part, long since) {
		long now = System.nanoTime();
		this.nanos.merge(part, now - since, Long::sum);
		return now;
	}

	private void apply() {
		String scheme = SCHEMES.get(this.random.nextInt(SCHEMES.size()));
		int stars = 3 + this.random.nextInt(3);
		ApplicationRequest request = CertificationDriver.request(scheme, stars, 20 + this.random.nextInt(780));
		String number = this.driver.submit(request);
		this.driver.uploadMandatoryDocuments(number);
		this.applications++;
	}

	/**
	 * Executes the jobs due now, each once, a failing one left to its retries; with
	 * several workers at once (as the job executor's threads), one process instance's
	 * jobs in order, a job that collided run again alone.
	 */
	private int fireDueJobs() {
		List<Job> due = this.management.createJobQuery().executable().list();
		due.forEach(this.invariants::firing);
		AtomicInteger executed = new AtomicInteger();
		List<Job> collided = this.workers.doAll(due, Job::getProcessInstanceId, (job) -> execute(job, executed));
		this.jobCollisions += collided.size();
		for (Job job : collided) {
			if (this.management.createJobQuery().jobId(job.getId()).count() > 0) {
				execute(job, executed);
			}
		}
		this.jobsExecuted += executed.get();
		return executed.get();
	}

	private void execute(Job job, AtomicInteger executed) {
		try {
			this.management.executeJob(job.getId());
			executed.incrementAndGet();
		}
		catch (OptimisticLockingException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			this.invariants.jobFailed(job, ex);
		}
	}

	private int poisson(double mean) {
		double limit = Math.exp(-mean);
		double product = this.random.nextDouble();
		int n = 0;
		while (product > limit) {
			product *= this.random.nextDouble();
			n++;
		}
		return n;
	}

}
