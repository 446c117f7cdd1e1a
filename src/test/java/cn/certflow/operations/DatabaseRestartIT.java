package cn.certflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification.Elements;
import cn.certflow.application.InitialCertification;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.document.DocumentType;
import cn.certflow.support.PostgresDatabase;
import cn.certflow.support.RestartablePostgres;
import cn.certflow.surveillance.CertificateAudit;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClientException;

/**
 * PostgreSQL restarted under load (issue 15, "Reliability"; SPEC "Quality of the whole":
 * data survives restarts). The packaged application runs as a separate JVM on an embedded
 * PostgreSQL of this test's own. Four client threads certify one application after
 * another over HTTP ({@link RetryingClient}: a step that got a 5xx or no answer is tried
 * again, after looking whether it was committed after all). Five applications wait for
 * their review and two certificates for their surveillance planning: their timers (the
 * 10-day review deadline, R-APP-2; the planning date of the annual surveillance, R-SUR-1)
 * are made due inside the outage, as an operator does in Cockpit. Then PostgreSQL is
 * stopped ({@code pg_ctl stop -m fast}) for 20 s and started again; the application is
 * not touched.
 * <p>
 * Shown: the same application process serves again by itself (Hikari opens new
 * connections, the job executor acquires again); every failed try was a 5xx or no answer,
 * none failed once the application served again; every timer due during the outage fired
 * once, afterwards; every certification ended with its certificate, each exactly once —
 * every certification has the same rows in each of our tables and the same history in the
 * engine's (ACT_HI_*) as one done before the outage, the numbers of applications and
 * certificates run without gaps or repeats, no incident is left.
 */
class DatabaseRestartIT {

	static final Duration OUTAGE = Duration.ofSeconds(20);

	static final int CLIENTS = 4;

	static final int WAITING_FOR_REVIEW = 5;

	static final int SURVEILLED = 2;

	/**
	 * Timers are made due from this long on, one a second, and the database stopped at
	 * once: all due inside the outage.
	 */
	static final Duration FIRST_DUE = Duration.ofSeconds(10);

	/**
	 * Optional, e.g. {@code -Dcertflow.test.hikari-connection-timeout=5000}: the
	 * application waits this long (ms) for a database connection instead of Hikari's 30
	 * s, so that the waits time out within the 20 s outage and the job executor's
	 * acquisition fails: what an outage longer than 30 s does with the production
	 * settings.
	 */
	static final String CONNECTION_TIMEOUT_PROPERTY = "certflow.test.hikari-connection-timeout";

	static RestartablePostgres postgres;

	static PostgresDatabase.Jdbc database;

	static AppNode node;

	static CertFlowHttp http;

	@BeforeAll
	static void startApplication() {
		assumeFalse(RestartablePostgres.externalServerConfigured(), "CERTFLOW_TEST_JDBC_URL names a PostgreSQL server"
				+ " that this test cannot stop and start: it runs on the embedded PostgreSQL only");
		postgres = RestartablePostgres.startNew();
		database = postgres.createDatabase("certflow_db_restart");
		node = new AppNode("db-restart", database);
		String connectionTimeout = System.getProperty(CONNECTION_TIMEOUT_PROPERTY);
		if (connectionTimeout != null) {
			node.with("spring.datasource.hikari.connection-timeout", connectionTimeout);
		}
		node.start();
		http = new CertFlowHttp(node);
	}

	@AfterAll
	static void stopApplication() {
		if (node != null) {
			node.kill();
		}
		if (postgres != null) {
			postgres.close();
		}
	}

	/** A certification driven by one of the clients, begun at {@code started}. */
	record Certification(int client, String number, Instant started) {
	}

	@Test
	void shouldReconnectFireDueTimersAndCertifyEachApplicationOnceWhenPostgresRestartsUnderLoad() throws Exception {
		// --- applications waiting for their review (their deadline timers are made due
		// inside the outage)
		List<String> waiting = new ArrayList<>();
		for (int i = 0; i < WAITING_FOR_REVIEW; i++) {
			waiting.add(http.submit(CertificationDriver.request("PCEC", 3, 50)));
		}

		// --- the load: each client certifies one application after another until told to
		// stop
		RetryingClient.Tally tally = new RetryingClient.Tally();
		List<Certification> certified = new CopyOnWriteArrayList<>();
		AtomicBoolean stopping = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<Void>> load = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			load.add(clients.submit((Callable<Void>) () -> {
				RetryingClient retrying = new RetryingClient(http, tally, Duration.ofMinutes(2));
				while (!stopping.get()) {
					Instant started = Instant.now();
					String number = retrying.certify(CertificationDriver.request("PCEC", 3, 50));
					certified.add(new Certification(client, number, started));
				}
				return null;
			}));
		}
		try {
			Polling.await("the first " + (SURVEILLED + 1) + " certifications", Duration.ofSeconds(150),
					() -> certified.size() > SURVEILLED || load.stream().anyMatch(Future::isDone));
			assertThat(load).as("no client failed before the outage").noneMatch(Future::isDone);
			// the first certifications' surveillance timers are moved; the next one is
			// left as it is, for comparison
			Certification reference = certified.get(SURVEILLED);
			List<String> surveilled = new ArrayList<>();
			for (Certification certification : certified.subList(0, SURVEILLED)) {
				surveilled.add(certificateOf(certification.number()));
			}

			// --- the timers, made due inside the outage
			Map<String, String> timers = new LinkedHashMap<>();
			for (String number : waiting) {
				timers.put(timerJob(http.instanceId(number), Elements.REVIEW_OVERDUE), "review deadline of " + number);
			}
			for (String certificate : surveilled) {
				timers.put(
						timerJob(lifecycleInstance(certificate),
								CertificateLifecycle.Elements.SURVEILLANCE_PLANNING_TIME),
						"surveillance planning of " + certificate);
			}
			// due one after another from 10 s on: PostgreSQL is stopped as soon as they
			// are set (well before the first)
			Instant firstDue = Instant.now().plus(FIRST_DUE);
			Map<String, Instant> dueDates = new LinkedHashMap<>();
			for (String job : timers.keySet()) {
				Instant due = firstDue.plusSeconds(dueDates.size());
				http.setDueDate(job, due);
				dueDates.put(job, due);
			}

			// --- PostgreSQL stopped for 20 s under load, then started; the application
			// is left alone
			long pid = node.pid();
			int certifiedBefore = certified.size();
			Instant stopRequested = Instant.now();
			postgres.stop();
			Instant stopped = Instant.now();
			Polling.await("the end of the outage", OUTAGE.plusSeconds(10),
					() -> Duration.between(stopRequested, Instant.now()).compareTo(OUTAGE) >= 0);
			int failedDuringOutage = tally.failedTries();
			Instant startRequested = Instant.now();
			postgres.start();
			Instant started = Instant.now();
			assertThat(node.pid()).as("the same application process").isEqualTo(pid);
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

			Instant serving = Polling.await("the application serving again", Duration.ofSeconds(60), () -> {
				try {
					http.get("admin", "/engine-rest/task/count");
					return Instant.now();
				}
				catch (RestClientException ex) {
					return null;
				}
			});
			Map<String, List<Instant>> fired = Polling.await("the timers due during the outage to fire",
					Duration.ofSeconds(60), () -> {
						Map<String, List<Instant>> executions = successfulExecutions(timers.keySet());
						return executions.size() == timers.size() ? executions : null;
					});
			Instant allFired = fired.values().stream().flatMap(List::stream).max(Instant::compareTo).orElseThrow();

			// --- the load goes on until every client has certified an application begun
			// after the restart
			Polling.await("every client to certify an application begun after the restart", Duration.ofSeconds(150),
					() -> certified.stream()
						.filter((c) -> c.started().isAfter(serving))
						.map(Certification::client)
						.distinct()
						.count() == CLIENTS || load.stream().anyMatch(Future::isDone));
			stopping.set(true);
			for (Future<Void> client : load) {
				client.get(3, TimeUnit.MINUTES);
			}
			List<String> numbers = certified.stream().map(Certification::number).toList();

			// a notice job whose try failed for want of the database waits for its next
			// retry (1 min, then 5, 30):
			// made due now, as an operator does in Cockpit, so that the test need not
			// wait
			Set<String> retriedByOperator = ConcurrentHashMap.newKeySet();
			Polling.await("every certification to end", Duration.ofSeconds(90), () -> {
				for (JsonNode job : http.get("admin", "/engine-rest/job?withException=true&maxResults=1000")) {
					if (job.path("retries").asInt() > 0 && retriedByOperator.add(job.path("id").asText())) {
						http.setDueDate(job.path("id").asText(), Instant.now().minusSeconds(1));
					}
				}
				return count("/engine-rest/history/process-instance/count?finished=true&processDefinitionKey="
						+ InitialCertification.KEY) >= numbers.size();
			});

			String figures = String
				.format("database restart (%s): PostgreSQL stopped (pg_ctl stop -m fast, %d ms) under"
						+ " the load of %d clients and started again after %.1f s; application (pid %d, not restarted) serving"
						+ " again %d ms after PostgreSQL accepted connections; client tries: %d succeeded at once, %d failed"
						+ " %s (first began at stop %s ms, last at stop %s ms), %d succeeded on a retry, %d found committed"
						+ " before retrying, %d refused; longest try %d ms; %d certifications (%d done before the stop),"
						+ " each exactly once;"
						+ " %d timers due during the outage fired once each, the last %d ms after PostgreSQL was back;"
						+ " notice jobs made due by hand after a failed try: %d; in the application's log: %d connections"
						+ " marked broken, %d failed validation, %d waits for a connection timed out, %d failed job acquisitions;"
						+ " failed job executions in the job log: %d", node.name(),
						Duration.between(stopRequested, stopped).toMillis(), CLIENTS,
						Duration.between(stopRequested, started).toMillis() / 1000.0, pid,
						Duration.between(started, serving).toMillis(), tally.succeededFirstTime.get(),
						tally.failedTries(), tally.failuresByOutcome(), offset(stopRequested, tally.firstFailure.get()),
						offset(stopRequested, tally.lastFailure.get()), tally.succeededOnRetry.get(),
						tally.committedDespiteError.get(), tally.refusals.size(), tally.longestTry.get(),
						numbers.size(), certifiedBefore, timers.size(), Duration.between(started, allFired).toMillis(),
						retriedByOperator.size(), node.count(Pattern.compile("marked as broken because of SQLSTATE")),
						node.count(Pattern.compile("Failed to validate connection")),
						node.count(Pattern.compile("Connection is not available, request timed out")),
						node.count(Pattern.compile("Exception during job acquisition")),
						query("select count(*) from act_hi_job_log where job_state_ = 1", null));
			Files.writeString(AppNode.LOGS.resolve("db-restart-figures.txt"), figures + System.lineSeparator());
			System.out.println(figures);

			// --- each request succeeded, or failed in a way a client retries; none
			// failed once serving again
			assertThat(tally.refusals).as("4xx answers").isEmpty();
			assertThat(tally.failuresByOutcome().keySet()).as("failed tries: a 5xx or no answer")
				.allMatch((outcome) -> outcome.matches("5\\d\\d|no answer .*"));
			assertThat(failedDuringOutage).as("the outage hit the load").isPositive();
			assertThat(tally.lastFailure.get()).as("the last failed try began before the application served again")
				.isBefore(serving);

			// --- the timers due during the outage fired once each, after it
			Map<String, List<Instant>> executions = successfulExecutions(timers.keySet());
			for (Map.Entry<String, String> timer : timers.entrySet()) {
				String job = timer.getKey();
				assertThat(dueDates.get(job)).as("due date of the " + timer.getValue())
					.isAfter(stopped)
					.isBefore(startRequested);
				assertThat(executions.get(job)).as(timer.getValue() + " fired once").hasSize(1);
				assertThat(executions.get(job).get(0)).as(timer.getValue() + " fired after the restart")
					.isAfter(startRequested);
			}
			for (String number : waiting) {
				assertThat(query("select count(*) from escalation e join application a on a.id = e.application_id"
						+ " where a.number = ? and e.kind = 'REVIEW_OVERDUE'", number))
					.as("escalations of " + number)
					.isEqualTo(1);
				assertThat(count("/engine-rest/task/count?processInstanceBusinessKey=" + number + "&taskDefinitionKey="
						+ Elements.HANDLE_OVERDUE_REVIEW))
					.as("overdue-review task of " + number)
					.isEqualTo(1);
			}
			for (String certificate : surveilled) {
				assertThat(count("/engine-rest/process-instance/count?processDefinitionKey=" + CertificateAudit.KEY
						+ "&businessKey=" + certificate))
					.as("surveillance audit of " + certificate)
					.isEqualTo(1);
				assertThat(count("/engine-rest/task/count?processInstanceBusinessKey=" + certificate
						+ "&taskDefinitionKey=" + CertificateAudit.Elements.PLAN_AUDIT))
					.as("planning task of " + certificate)
					.isEqualTo(1);
			}

			// --- every certification exactly once: the same records and engine history
			// as one before the outage
			Map<String, Map<String, Long>> footprints = footprints(numbers);
			Map<String, Long> expected = footprints.get(reference.number());
			assertThat(expected).containsEntry("initial certifications", 1L)
				.containsEntry("ended with the certificate issued", 1L)
				.containsEntry("certificates", 1L)
				.containsEntry("certificate lifecycles", 1L)
				.containsEntry("documents",
						Arrays.stream(DocumentType.values()).filter(DocumentType::mandatory).count())
				.containsEntry("decisions", 1L);
			footprints.forEach((number, footprint) -> assertThat(footprint).as(number).isEqualTo(expected));
			int applications = WAITING_FOR_REVIEW + numbers.size();
			assertThat(numbers).doesNotHaveDuplicates();
			assertThat(query("select count(distinct number) from application", null)).isEqualTo(applications);
			assertThat(query("select count(*) from application", null)).isEqualTo(applications);
			assertThat(query("select max(cast(substring(number from 10) as integer)) from application", null))
				.as("application numbers without gaps")
				.isEqualTo(applications);
			assertThat(query("select count(distinct client_id) from application", null))
				.as("one client per credit code, one application per client")
				.isEqualTo(applications);
			assertThat(query("select count(distinct number) from certificate", null)).isEqualTo(numbers.size());
			assertThat(query("select count(*) from certificate", null)).isEqualTo(numbers.size());
			assertThat(query("select last_value from number_counter where name = 'CERTIFICATE'", null))
				.as("certificate numbers without gaps")
				.isEqualTo(numbers.size());
			assertThat(query(
					"select count(*) from act_hi_procinst where proc_def_key_ = '" + InitialCertification.KEY + "'",
					null))
				.isEqualTo(applications);
			assertThat(count("/engine-rest/incident/count")).as("incidents").isZero();
			assertThat(count("/engine-rest/job/count?withException=true")).as("jobs with a failed try left").isZero();

		}
		finally {
			stopping.set(true);
			clients.shutdownNow();
		}
	}

	/**
	 * What one certification left, by application number: rows in each of our tables, and
	 * its instances, activities, tasks, variables and successful jobs in the engine's
	 * history.
	 */
	private static Map<String, Map<String, Long>> footprints(List<String> numbers) throws SQLException {
		String process = "(select p.id_ from act_hi_procinst p where p.business_key_ = a.number and p.proc_def_key_ = '"
				+ InitialCertification.KEY + "')";
		String audits = "(select u.id from audit u where u.application_id = a.id)";
		String certificates = "(select c.number from certificate c where c.application_id = a.id)";
		Map<String, String> counts = new LinkedHashMap<>();
		counts.put("documents", "select count(*) from document_file x where x.application_id = a.id");
		counts.put("document reviews", "select count(*) from document_review x where x.application_id = a.id");
		counts.put("escalations", "select count(*) from escalation x where x.application_id = a.id");
		counts.put("audits", "select count(*) from audit x where x.application_id = a.id");
		counts.put("audit team members", "select count(*) from audit_team_member x where x.audit_id in " + audits);
		counts.put("audit events", "select count(*) from audit_event x where x.audit_id in " + audits);
		counts.put("audit scores", "select count(*) from audit_score x where x.audit_id in " + audits);
		counts.put("nonconformities", "select count(*) from nonconformity x where x.audit_id in " + audits);
		counts.put("decisions", "select count(*) from certification_decision x where x.application_id = a.id");
		counts.put("certificates", "select count(*) from certificate x where x.application_id = a.id");
		counts.put("certificate revisions",
				"select count(*) from certificate_revision x where x.certificate_number in " + certificates);
		counts.put("surveillances",
				"select count(*) from surveillance x where x.certificate_number in " + certificates);
		counts.put("client notices", "select count(*) from client_notice x where x.application_id = a.id");
		counts.put("impartiality checks",
				"select count(*) from impartiality_check x where x.application_number = a.number");
		counts.put("status changes", "select count(*) from status_change x where (x.entity_type = 'APPLICATION' and"
				+ " x.entity_key = a.number) or (x.entity_type = 'AUDIT' and x.entity_key in (select cast(u.id as varchar)"
				+ " from audit u where u.application_id = a.id)) or (x.entity_type = 'CERTIFICATE' and x.entity_key in "
				+ certificates + ")");
		counts.put("initial certifications", "select count(*) from act_hi_procinst p where p.business_key_ = a.number"
				+ " and p.proc_def_key_ = '" + InitialCertification.KEY + "'");
		counts.put("on-site audits", "select count(*) from act_hi_procinst p where p.business_key_ = a.number"
				+ " and p.proc_def_key_ = 'onsite-audit'");
		counts.put("ended with the certificate issued",
				"select count(*) from act_hi_actinst x where x.proc_inst_id_ in " + process + " and x.act_id_ = '"
						+ Elements.CERTIFICATE_ISSUED + "' and x.end_time_ is not null");
		counts.put("activity instances",
				"select count(*) from act_hi_actinst x where x.root_proc_inst_id_ in " + process);
		counts.put("tasks", "select count(*) from act_hi_taskinst x where x.root_proc_inst_id_ in " + process);
		counts.put("variables", "select count(*) from act_hi_varinst x where x.root_proc_inst_id_ in " + process);
		counts.put("jobs succeeded",
				"select count(*) from act_hi_job_log x where x.job_state_ = 2 and x.root_proc_inst_id_ in " + process);
		counts.put("certificate lifecycles", "select count(*) from act_hi_procinst p where p.proc_def_key_ = '"
				+ CertificateLifecycle.KEY + "' and p.business_key_ in " + certificates);
		StringBuilder sql = new StringBuilder("select a.number");
		counts.values().forEach((count) -> sql.append(", (").append(count).append(')'));
		sql.append(" from application a where a.number = any(?)");
		Map<String, Map<String, Long>> footprints = new TreeMap<>();
		try (Connection connection = database.connect();
				PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			statement.setArray(1, connection.createArrayOf("varchar", numbers.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Map<String, Long> footprint = new LinkedHashMap<>();
					int column = 2;
					for (String name : counts.keySet()) {
						footprint.put(name, rs.getLong(column++));
					}
					footprints.put(rs.getString(1), footprint);
				}
			}
		}
		assertThat(footprints).as("every certification's application").hasSize(numbers.size());
		return footprints;
	}

	/** The successful executions of these jobs, by job id, from the engine's job log. */
	private static Map<String, List<Instant>> successfulExecutions(Set<String> jobIds) {
		Map<String, List<Instant>> executions = new TreeMap<>();
		try (Connection connection = database.connect();
				PreparedStatement statement = connection.prepareStatement(
						"select job_id_, timestamp_ from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)")) {
			Array ids = connection.createArrayOf("varchar", jobIds.toArray());
			statement.setArray(1, ids);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Timestamp at = rs.getTimestamp(2);
					executions.computeIfAbsent(rs.getString(1), (id) -> new ArrayList<>()).add(at.toInstant());
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return executions;
	}

	private static String timerJob(String processInstanceId, String activityId) {
		JsonNode jobs = http.get("admin",
				"/engine-rest/job?processInstanceId=" + processInstanceId + "&activityId=" + activityId);
		assertThat(jobs).as(activityId + " of " + processInstanceId).hasSize(1);
		return jobs.get(0).path("id").asText();
	}

	private static String lifecycleInstance(String certificate) {
		JsonNode instances = http.get("admin", "/engine-rest/process-instance?businessKey=" + certificate
				+ "&processDefinitionKey=" + CertificateLifecycle.KEY);
		assertThat(instances).as("lifecycle of " + certificate).hasSize(1);
		return instances.get(0).path("id").asText();
	}

	private static String certificateOf(String applicationNumber) throws SQLException {
		try (Connection connection = database.connect();
				PreparedStatement statement = connection.prepareStatement(
						"select c.number from certificate c join application a on a.id = c.application_id where a.number = ?")) {
			statement.setString(1, applicationNumber);
			try (ResultSet rs = statement.executeQuery()) {
				assertThat(rs.next()).as("certificate of " + applicationNumber).isTrue();
				return rs.getString(1);
			}
		}
	}

	/** Milliseconds from one instant to another, signed; "-" without the second. */
	private static String offset(Instant from, Instant to) {
		return (to != null) ? String.format("%+d", Duration.between(from, to).toMillis()) : "-";
	}

	private static int count(String countUrl) {
		return http.get("admin", countUrl).path("count").asInt();
	}

	private static long query(String sql, String parameter) throws SQLException {
		try (Connection connection = database.connect();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			if (parameter != null) {
				statement.setString(1, parameter);
			}
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
