package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.support.DatabaseSnapshot;
import cn.certflow.support.PostgresDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 15 point 2, as reported, on PostgreSQL through HTTP only: {@code dual} (auditors
 * + decision-makers), on the audit team of an application graded 不合格, completed the
 * certification decision naming another client's 5★ audit as {@code auditId} and got a 5★
 * certificate signed by itself, with an impartiality record saying "not on the audit
 * team". Now every way in — Camunda's REST API ({@code complete}, {@code submit-form},
 * the task's variables) and Tasklist's own API — refuses the variable naming it (4xx),
 * nothing is written, and R-DEC-1 still refuses dual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "postgres", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ForgedVariablesIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificationDriver driver;

	@Autowired
	RuntimeService runtime;

	@Test
	void shouldRefuseADecisionNamingAnotherClientsAuditAndStillRefuseTheAuditTeamMember() throws Exception {
		// another client, audited by lead and auditor, graded 5★
		String other = this.driver.toDecision(CertificationDriver.request("PCEC", 5, 120), 0);
		long otherAudit = latestAudit(other);
		assertThat(this.jdbc.sql("select stars from audit_score where audit_id = ?")
			.param(otherAudit)
			.query(Integer.class)
			.single()).isEqualTo(5);
		// dual audits an application that fails: 不合格 (R-GRD-PCEC-3)
		ApplicationRequest request = CertificationDriver.request("PCEC", 5, 50);
		String number = this.driver.submit(request);
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.reviewAndPlan(number, "lead", "dual");
		this.driver.openAndEvaluate(number, "lead", "dual");
		this.driver.score(number, "lead", "PCEC", 31);
		this.driver.closeMeeting(number, "lead", "");
		String instance = this.driver.instance(number).getId();
		assertThat(this.runtime.getVariable(instance, "grade")).isEqualTo("不合格");
		Task decision = this.driver.task(number, InitialCertification.Elements.CERTIFICATION_DECISION);
		String task = "/engine-rest/task/" + decision.getId();
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		// the attack exactly as reported, and its variants: submit-form, the task's
		// variables, Tasklist's API
		Map<String, Object> forged = Map.of("variables", Map.of("decisionOutcome", Map.of("value", "CERTIFY"),
				"auditId", Map.of("value", otherAudit, "type", "Long")));
		ResponseEntity<String> complete = exchange("dual", HttpMethod.POST, task + "/complete", forged);
		assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(400);
		assertThat(JSON.readTree(complete.getBody()).path("message").asText()).contains("auditId:");
		ResponseEntity<String> submit = exchange("dual", HttpMethod.POST, task + "/submit-form", forged);
		assertThat(submit.getStatusCode().value()).as(submit.getBody()).isEqualTo(400);
		assertThat(submit.getBody()).contains("auditId:");
		ResponseEntity<String> variable = exchange("dual", HttpMethod.PUT, task + "/variables/auditId",
				Map.of("value", otherAudit, "type", "Long"));
		assertThat(variable.getStatusCode().is4xxClientError()).as(variable.getBody()).isTrue();
		assertThat(variable.getBody()).contains("auditId:");
		ResponseEntity<String> modify = exchange("dual", HttpMethod.POST, task + "/variables",
				Map.of("modifications", Map.of("auditId", Map.of("value", otherAudit, "type", "Long"))));
		assertThat(modify.getStatusCode().is4xxClientError()).as(modify.getBody()).isTrue();
		ResponseEntity<String> localVariable = exchange("dual", HttpMethod.PUT,
				task + "/localVariables/applicationNumber", Map.of("value", other));
		assertThat(localVariable.getStatusCode().is4xxClientError()).as(localVariable.getBody()).isTrue();
		TasklistSession tasklist = new TasklistSession("dual");
		HttpResponse<String> tasklistSubmit = tasklist.post(
				"/camunda/api/engine/engine/default/task/" + decision.getId() + "/submit-form",
				JSON.writeValueAsString(forged));
		assertThat(tasklistSubmit.statusCode()).as(tasklistSubmit.body()).isEqualTo(400);
		assertThat(tasklistSubmit.body()).contains("auditId:");

		// nothing written: no certificate, no decision, no impartiality record, no
		// variable changed
		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
		assertThat(count("select count(*) from certificate c join application a on a.id = c.application_id"
				+ " where a.number = ?", number))
			.isZero();
		assertThat(count("select count(*) from certification_decision d join application a on a.id = d.application_id"
				+ " where a.number = ?", number))
			.isZero();
		assertThat(this.runtime.getVariable(instance, "auditId")).isEqualTo(latestAudit(number));
		assertThat(this.runtime.getVariable(instance, "applicationNumber")).isEqualTo(number);

		// R-DEC-1 still refuses dual, on the audit team of this application
		ResponseEntity<String> honest = exchange("dual", HttpMethod.POST, task + "/complete",
				Map.of("variables", Map.of("decisionOutcome", Map.of("value", "CERTIFY"))));
		assertThat(honest.getStatusCode().value()).as(honest.getBody()).isEqualTo(403);
		assertThat(honest.getBody()).contains("R-DEC-1").contains("dual");
		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
		// and a decider outside the team cannot certify a failed grade either way
		// (R-DEC-2)
		ResponseEntity<String> decider = exchange("decider", HttpMethod.POST, task + "/complete", forged);
		assertThat(decider.getStatusCode().value()).isEqualTo(400);
		ResponseEntity<String> certify = exchange("decider", HttpMethod.POST, task + "/complete",
				Map.of("variables", Map.of("decisionOutcome", Map.of("value", "CERTIFY"))));
		assertThat(certify.getStatusCode().value()).isEqualTo(400);
		assertThat(certify.getBody()).contains("不合格");
		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
	}

	@Test
	void shouldStartAnApplicationWithItsStartFormsFieldsOnly() throws Exception {
		Map<String, Object> form = startForm();
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);
		String definition = "/engine-rest/process-definition/key/" + InitialCertification.KEY;

		Map<String, Object> extra = new HashMap<>(form);
		extra.put("submittedBy", Map.of("value", "admin"));
		ResponseEntity<String> submit = exchange("reviewer", HttpMethod.POST, definition + "/submit-form",
				Map.of("variables", extra));
		assertThat(submit.getStatusCode().value()).as(submit.getBody()).isEqualTo(400);
		assertThat(submit.getBody()).contains("submittedBy:");
		ResponseEntity<String> start = exchange("reviewer", HttpMethod.POST, definition + "/start",
				Map.of("variables", extra));
		assertThat(start.getStatusCode().value()).as(start.getBody()).isEqualTo(403);
		assertThat(start.getBody()).contains("submittedBy:");
		// skipping the application and its review: straight to the certificate
		ResponseEntity<String> skip = exchange("reviewer", HttpMethod.POST, definition + "/start",
				Map.of("variables", form, "startInstructions", List.of(Map.of("type", "startBeforeActivity",
						"activityId", InitialCertification.Elements.ISSUE_CERTIFICATE))));
		assertThat(skip.getStatusCode().value()).as(skip.getBody()).isEqualTo(403);
		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);

		ResponseEntity<String> valid = exchange("reviewer", HttpMethod.POST, definition + "/submit-form",
				Map.of("variables", form));
		assertThat(valid.getStatusCode().value()).as(valid.getBody()).isEqualTo(200);
	}

	private Map<String, Object> startForm() {
		Map<String, Object> values = CertificationDriver.startFormValues(CertificationDriver.request("PCEC", 3, 10));
		Map<String, Object> variables = new HashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		return variables;
	}

	private long latestAudit(String applicationNumber) {
		return this.jdbc
			.sql("select max(u.id) from audit u join application a on a.id = u.application_id where a.number = ?")
			.param(applicationNumber)
			.query(Long.class)
			.single();
	}

	private long count(String sql, String parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Long.class).single();
	}

	private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.withBasicAuth(user, user)
			.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	/**
	 * Tasklist as a browser uses it: session cookie, XSRF token, form login, then the
	 * webapp's engine API.
	 */
	final class TasklistSession {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();

		private String token;

		TasklistSession(String user) throws IOException, InterruptedException {
			send(request("/camunda/app/tasklist/default/").GET());
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(user, StandardCharsets.UTF_8);
			HttpResponse<String> login = post("/camunda/api/admin/auth/user/default/login/tasklist", form,
					"application/x-www-form-urlencoded");
			assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
			send(request("/camunda/api/admin/auth/user/default").GET()); // the new
																			// session's
																			// token
		}

		HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
			return post(path, body, "application/json");
		}

		private HttpResponse<String> post(String path, String body, String contentType)
				throws IOException, InterruptedException {
			return send(request(path).header("Content-Type", contentType)
				.header("X-XSRF-TOKEN", this.token)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + ForgedVariablesIT.this.port + path))
				.header("Accept", "application/json, text/html");
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers()
				.firstValue("X-XSRF-TOKEN")
				.filter((t) -> !"Required".equals(t))
				.ifPresent((t) -> this.token = t);
			return response;
		}

	}

}
