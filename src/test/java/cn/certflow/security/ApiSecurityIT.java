package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.support.DatabaseSnapshot;
import cn.certflow.support.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 6, on PostgreSQL, through HTTP only: nobody gets into our API or Camunda's REST
 * API without credentials (but for the public certificate lookup, R-CERT-2), a group sees
 * and does only what is routed to it, quality managers deploy decision tables and nothing
 * else (R-GRD-DMN), the impartiality rule holds through the REST API (R-DEC-1), and the
 * public lookup shows the certificate's face and nothing more. Every refusal leaves the
 * database as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// every wrong password here must be answered 401; the login throttle (429) is
		// AccountProtectionTest's
		properties = { "certflow.login-throttle.per-source.free-failures=100000",
				"certflow.login-throttle.per-account.free-failures=100000" })
@ActiveProfiles({ "test", "postgres", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiSecurityIT {

	/** The only endpoint anyone may call without logging in (R-CERT-2). */
	private static final String PUBLIC_LOOKUP = "GET /api/certificates/{number}";

	/**
	 * A representative slice of Camunda's REST API: every resource family, reading and
	 * changing.
	 */
	private static final List<String> ENGINE_REST = List.of("GET /engine-rest/process-definition",
			"GET /engine-rest/process-definition/key/initial-certification",
			"POST /engine-rest/process-definition/key/initial-certification/start",
			"POST /engine-rest/process-definition/key/initial-certification/submit-form",
			"GET /engine-rest/process-instance", "POST /engine-rest/process-instance/x/modification",
			"DELETE /engine-rest/process-instance/x", "PUT /engine-rest/process-instance/x/suspended",
			"GET /engine-rest/task", "GET /engine-rest/task/x", "POST /engine-rest/task/x/claim",
			"POST /engine-rest/task/x/complete", "POST /engine-rest/task/x/submit-form", "GET /engine-rest/task/x/form",
			"GET /engine-rest/deployment", "POST /engine-rest/deployment/create", "DELETE /engine-rest/deployment/x",
			"POST /engine-rest/deployment/x/redeploy", "GET /engine-rest/decision-definition",
			"POST /engine-rest/decision-definition/key/grade-pcec/evaluate",
			"GET /engine-rest/history/process-instance", "GET /engine-rest/history/task",
			"GET /engine-rest/history/variable-instance", "GET /engine-rest/history/decision-instance",
			"GET /engine-rest/history/user-operation", "GET /engine-rest/variable-instance", "GET /engine-rest/job",
			"PUT /engine-rest/job/x/retries", "GET /engine-rest/incident", "GET /engine-rest/external-task",
			"POST /engine-rest/message", "POST /engine-rest/signal", "GET /engine-rest/user",
			"POST /engine-rest/user/create", "PUT /engine-rest/user/admin/credentials", "GET /engine-rest/group",
			"PUT /engine-rest/group/camunda-admin/members/x", "GET /engine-rest/authorization",
			"POST /engine-rest/authorization/create", "GET /engine-rest/filter", "GET /engine-rest/batch",
			"GET /engine-rest/metrics", "GET /engine-rest/engine/default/task",
			"GET /engine-rest/identity/groups?userId=admin", "GET /engine-rest/engine", "GET /engine-rest/version",
			"GET /engine-rest/openapi.json", "GET /engine-rest/telemetry/data");

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificationDriver driver;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	RepositoryService repository;

	@Autowired
	IdentityService identity;

	// --- (a) credentials

	/**
	 * Every /api endpoint Spring knows, so that a controller added later is covered
	 * without touching this test. Wrong passwords are tried with an unknown user and a
	 * user of this test's own, with the login throttle's free failures raised for this
	 * class (all requests come from one address).
	 */
	@Test
	void shouldAskForCredentialsOnEveryApiEndpointButThePublicLookup() {
		Set<String> endpoints = apiEndpoints();
		assertThat(endpoints).contains(PUBLIC_LOOKUP, "POST /api/applications",
				"POST /api/applications/{number}/documents", "GET /api/certificates/{number}/history");
		String probe = passwordProbe();
		for (String endpoint : endpoints) {
			ResponseEntity<String> anonymous = call(null, endpoint);
			if (endpoint.equals(PUBLIC_LOOKUP)) {
				assertThat(anonymous.getStatusCode()).as(endpoint).isEqualTo(HttpStatus.NOT_FOUND);
				continue;
			}
			assertThat(anonymous.getStatusCode()).as(endpoint + " without credentials")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(endpoint).startsWith("Basic");
			assertThat(call("nobody:nobody", endpoint).getStatusCode()).as(endpoint + " as an unknown user")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(call(probe + ":wrong", endpoint).getStatusCode()).as(endpoint + " with a wrong password")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	@Test
	void shouldAskForCredentialsOnCamundasRestApi() {
		String probe = passwordProbe();
		for (String endpoint : ENGINE_REST) {
			assertThat(call(null, endpoint).getStatusCode()).as(endpoint + " without credentials")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(call("nobody:nobody", endpoint).getStatusCode()).as(endpoint + " as an unknown user")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(call(probe + ":wrong", endpoint).getStatusCode()).as(endpoint + " with a wrong password")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	/** Satisfies the password policy (issue 15 point 3). */
	private static final String PROBE_PASSWORD = "Kx7#vQ2-ripe-Lamp";

	/** A staff account of this test's own (a reviewer), for wrong passwords. */
	private String passwordProbe() {
		String id = "probe-" + Long.toString(System.nanoTime(), 36);
		org.camunda.bpm.engine.identity.User user = this.identity.newUser(id);
		user.setPassword(PROBE_PASSWORD);
		this.identity.saveUser(user);
		this.identity.createMembership(id, Groups.REVIEWERS);
		assertThat(call(id + ":" + PROBE_PASSWORD, "GET /engine-rest/task").getStatusCode()).isEqualTo(HttpStatus.OK);
		return id;
	}

	@Test
	void shouldNotOpenOtherPathsThroughThePublicLookup() {
		for (String path : List.of("/api/certificates/X1/history", "/api/certificates/X1;a=b", "/api/certificates/",
				"/api/certificates/X1%2F..%2F..%2Fapplications%2FAPP-2026-000001",
				"/api/certificates/%2e%2e/applications/APP-2026-000001")) {
			ResponseEntity<String> response = this.http.exchange(URI.create(this.http.getRootUri() + path),
					HttpMethod.GET, null, String.class);
			assertThat(response.getStatusCode().value()).as(path).isIn(400, 401);
		}
		ResponseEntity<String> post = this.http.postForEntity("/api/certificates/X1", null, String.class);
		assertThat(post.getStatusCode()).as("only GET is public").isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	// --- (b) groups see and do only what is routed to them

	@Test
	void shouldKeepAnAuditorOutOfTheReviewersTasksAndInstances() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		Task review = this.driver.task(number, InitialCertification.Elements.REVIEW_APPLICATION);
		String instance = this.driver.instance(number).getId();
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		assertThat(list("auditor", "/engine-rest/task?processInstanceBusinessKey=" + number)).isEmpty();
		assertThat(list("auditor", "/engine-rest/process-instance?businessKey=" + number)).isEmpty();
		assertThat(list("auditor", "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number))
			.isEmpty();
		assertThat(list("auditor", "/engine-rest/variable-instance?processInstanceIdIn=" + instance)).isEmpty();
		assertThat(status("auditor", HttpMethod.GET, "/engine-rest/task/" + review.getId(), null)).isIn(403, 404);
		assertThat(status("auditor", HttpMethod.GET, "/engine-rest/process-instance/" + instance + "/variables", null))
			.isIn(403, 404);
		assertThat(status("auditor", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/claim",
				Map.of("userId", "auditor")))
			.isEqualTo(403);
		assertThat(status("auditor", HttpMethod.POST, "/engine-rest/task/" + review.getId() + "/complete",
				variables(Map.of("reviewOutcome", "REJECT", "rejectionReason", "x"))))
			.isEqualTo(403);
		assertThat(status("auditor", HttpMethod.POST, "/api/applications/" + number + "/documents", null))
			.as("uploads are the reviewers'")
			.isIn(403, 415);

		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
		assertThat(this.tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
		// the reviewer sees and could work the very same task
		assertThat(list("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + number)).hasSize(1);
	}

	@Test
	void shouldNotShowTheDecisionToReviewersNorLetThemTakeIt() {
		String number = this.driver.toDecision(CertificationDriver.request("PCEC", 3, 10), 12);
		Task decision = this.driver.task(number, InitialCertification.Elements.CERTIFICATION_DECISION);
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		assertThat(list("reviewer", "/engine-rest/task?processInstanceBusinessKey=" + number)).isEmpty();
		assertThat(list("reviewer", "/engine-rest/task?taskDefinitionKey=" + decision.getTaskDefinitionKey()))
			.isEmpty();
		assertThat(status("reviewer", HttpMethod.POST, "/engine-rest/task/" + decision.getId() + "/claim",
				Map.of("userId", "reviewer")))
			.isEqualTo(403);
		assertThat(status("reviewer", HttpMethod.POST, "/engine-rest/task/" + decision.getId() + "/submit-form",
				variables(Map.of("decisionOutcome", "CERTIFY"))))
			.isEqualTo(403);

		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
		assertThat(list("decider", "/engine-rest/task?processInstanceBusinessKey=" + number))
			.extracting(t -> t.get("taskDefinitionKey").asText())
			.containsExactly(InitialCertification.Elements.CERTIFICATION_DECISION);
	}

	/** Managers watch everything (Cockpit, R-APP-2 escalations) but change nothing. */
	@Test
	void shouldLetManagersReadButNotChangeAnything() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		Task review = this.driver.task(number, InitialCertification.Elements.REVIEW_APPLICATION);
		String instance = this.driver.instance(number).getId();
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		assertThat(list("manager", "/engine-rest/task?processInstanceBusinessKey=" + number)).hasSize(1);
		assertThat(list("manager", "/engine-rest/process-instance?businessKey=" + number)).hasSize(1);
		assertThat(status("manager", HttpMethod.GET, "/engine-rest/process-instance/" + instance + "/variables", null))
			.isEqualTo(200);
		assertThat(status("manager", HttpMethod.GET, "/api/applications/" + number, null)).isEqualTo(200);

		String task = "/engine-rest/task/" + review.getId();
		String process = "/engine-rest/process-instance/" + instance;
		Map<String, Integer> changes = new LinkedHashMap<>();
		changes.put("claim", status("manager", HttpMethod.POST, task + "/claim", Map.of("userId", "manager")));
		changes.put("complete", status("manager", HttpMethod.POST, task + "/complete",
				variables(Map.of("reviewOutcome", "REJECT", "rejectionReason", "x"))));
		changes.put("set assignee",
				status("manager", HttpMethod.POST, task + "/assignee", Map.of("userId", "reviewer")));
		changes.put("task variable",
				status("manager", HttpMethod.PUT, task + "/variables/reviewOutcome", Map.of("value", "ACCEPT")));
		changes.put("suspend", status("manager", HttpMethod.PUT, process + "/suspended", Map.of("suspended", true)));
		changes.put("modify", status("manager", HttpMethod.POST, process + "/modification", Map.of("instructions",
				List.of(Map.of("type", "cancel", "activityId", InitialCertification.Elements.REVIEW_APPLICATION)))));
		changes.put("variables", status("manager", HttpMethod.POST, process + "/variables",
				Map.of("modifications", Map.of("schemeId", Map.of("value", "CQM")))));
		changes.put("delete", status("manager", HttpMethod.DELETE, process, null));
		changes.put("start", status("manager", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + InitialCertification.KEY + "/start", Map.of()));
		changes.put("submit application",
				status("manager", HttpMethod.POST, "/api/applications", CertificationDriver.request("PCEC", 3, 10)));
		assertThat(changes).as("every change refused")
			.allSatisfy((what, code) -> assertThat(code).as(what).isEqualTo(403));

		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
	}

	/**
	 * No group but the administrators manages users, groups and authorizations: no way to
	 * promote oneself.
	 */
	@Test
	void shouldNotLetStaffGrantThemselvesMore() {
		for (String user : List.of("reviewer", "quality", "manager", "decider")) {
			assertThat(status(user, HttpMethod.PUT, "/engine-rest/group/" + Groups.ADMINS + "/members/" + user, null))
				.as(user + " joins the administrators")
				.isEqualTo(403);
			assertThat(status(user, HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1,
					"permissions", List.of("ALL"), "userId", user, "resourceType", 6, "resourceId", "*")))
				.as(user + " grants itself deployments")
				.isEqualTo(403);
			assertThat(status(user, HttpMethod.POST, "/engine-rest/user/create",
					Map.of("profile", Map.of("id", user + "2"), "credentials", Map.of("password", PROBE_PASSWORD))))
				.as(user + " creates a user")
				.isEqualTo(403);
			assertThat(status(user, HttpMethod.PUT, "/engine-rest/user/admin/credentials",
					Map.of("password", PROBE_PASSWORD, "authenticatedUserPassword", user)))
				.as(user + " resets admin's password")
				.isIn(403, 404);
		}
		assertThat(this.identity.createUserQuery().memberOfGroup(Groups.ADMINS).list()).extracting(u -> u.getId())
			.containsExactly("admin");
		assertThat(this.identity.checkPassword("admin", "admin")).isTrue();
	}

	// --- (c) deployments (R-GRD-DMN)

	@Test
	void shouldLetQualityManagersDeployDecisionTablesOnly() throws Exception {
		byte[] table = (Files.readString(Path.of("rules/audit-time.dmn")) + "\n<!-- deployed by ApiSecurityIT -->\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] process = Bpmn
			.convertToString(Bpmn.createExecutableProcess("security-probe")
				.camundaHistoryTimeToLive(1)
				.startEvent()
				.endEvent()
				.done())
			.getBytes(StandardCharsets.UTF_8);
		byte[] form = "{\"id\":\"security-probe\",\"type\":\"default\",\"components\":[]}"
			.getBytes(StandardCharsets.UTF_8);
		byte[] initialCertification = (Files.readString(Path.of("processes/initial-certification.bpmn"))
				+ "\n<!-- changed by a quality manager -->\n")
			.getBytes(StandardCharsets.UTF_8);
		int processVersion = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(InitialCertification.KEY)
			.latestVersion()
			.singleResult()
			.getVersion();
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		assertThat(deploy("reviewer", Map.of("audit-time.dmn", table)).getStatusCode()).as("reviewer, DMN")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("manager", Map.of("audit-time.dmn", table)).getStatusCode()).as("manager, DMN")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("quality", Map.of("security-probe.bpmn", process)).getStatusCode()).as("quality, BPMN")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("quality", Map.of("initial-certification.bpmn", initialCertification)).getStatusCode())
			.as("quality, our process changed in place")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("quality", Map.of("security-probe.form", form)).getStatusCode()).as("quality, form")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("quality", Map.of("audit-time.dmn", table, "security-probe.bpmn", process)).getStatusCode())
			.as("quality, DMN smuggling a BPMN")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("quality", Map.of("probe.dmn.bpmn", process)).getStatusCode())
			.as("quality, BPMN named .dmn.bpmn")
			.isEqualTo(HttpStatus.FORBIDDEN);
		String processDeployment = this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(InitialCertification.KEY)
			.latestVersion()
			.singleResult()
			.getDeploymentId();
		assertThat(status("quality", HttpMethod.POST, "/engine-rest/deployment/" + processDeployment + "/redeploy",
				Map.of()))
			.as("quality, redeploy the processes")
			.isEqualTo(403);
		assertThat(status("quality", HttpMethod.DELETE,
				"/engine-rest/deployment/" + processDeployment + "?cascade=true", null))
			.as("quality, delete the processes")
			.isEqualTo(403);
		assertThat(DatabaseSnapshot.take(this.jdbc)).as("nothing deployed").isEqualTo(before);
		assertThat(this.repository.createProcessDefinitionQuery().processDefinitionKey("security-probe").count())
			.isZero();

		ResponseEntity<String> deployed = deploy("quality", Map.of("audit-time.dmn", table));
		assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(JSON.readTree(deployed.getBody()).path("deployedDecisionDefinitions").size()).isOne();
		assertThat(deploy("admin", Map.of("security-probe.bpmn", process)).getStatusCode()).as("admin, BPMN")
			.isEqualTo(HttpStatus.OK);
		assertThat(this.repository.createProcessDefinitionQuery()
			.processDefinitionKey(InitialCertification.KEY)
			.latestVersion()
			.singleResult()
			.getVersion()).as("our process untouched").isEqualTo(processVersion);
	}

	// --- (d) impartiality through the REST API (R-DEC-1)

	@Test
	void shouldRefuseTheDecisionToAnAuditTeamMemberThroughTheRestApi() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.reviewAndPlan(number, "lead", "dual");
		this.driver.openAndEvaluate(number, "lead", "dual");
		this.driver.score(number, "lead", "PCEC", 12);
		this.driver.closeMeeting(number, "lead", "");
		Task decision = this.driver.task(number, InitialCertification.Elements.CERTIFICATION_DECISION);
		String task = "/engine-rest/task/" + decision.getId();
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		// dual is a decision maker, so the task is offered to it; the engine still
		// refuses it every way in
		assertThat(list("dual", "/engine-rest/task?processInstanceBusinessKey=" + number)).hasSize(1);
		ResponseEntity<String> claim = exchange("dual", HttpMethod.POST, task + "/claim", Map.of("userId", "dual"));
		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim.getBody()).contains("R-DEC-1");
		assertThat(status("dual", HttpMethod.POST, task + "/complete", variables(Map.of("decisionOutcome", "CERTIFY"))))
			.isEqualTo(403);
		assertThat(
				status("dual", HttpMethod.POST, task + "/submit-form", variables(Map.of("decisionOutcome", "CERTIFY"))))
			.isEqualTo(403);
		assertThat(status("decider", HttpMethod.POST, task + "/assignee", Map.of("userId", "dual")))
			.as("handed to a team member by someone else")
			.isEqualTo(403);
		assertThat(status("lead", HttpMethod.POST, task + "/complete", variables(Map.of("decisionOutcome", "CERTIFY"))))
			.as("the lead auditor is no decision maker")
			.isEqualTo(403);

		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
		assertThat(this.tasks.createTaskQuery().taskId(decision.getId()).singleResult().getAssignee()).isNull();
		// someone from outside the team decides
		assertThat(
				status("decider", HttpMethod.POST, task + "/complete", variables(Map.of("decisionOutcome", "CERTIFY"))))
			.isEqualTo(204);
	}

	// --- (e) the public lookup (R-CERT-1/2)

	@Test
	void shouldShowTheCertificatesFaceAndNothingElseWithoutLogin() throws Exception {
		var request = CertificationDriver.request("PCEC", 3, 10);
		String number = this.driver.toDecision(request, 12);
		this.driver.complete("decider", number, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		String certificate = this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id where a.number = ?")
			.param(number)
			.query(String.class)
			.single();

		ResponseEntity<String> lookup = this.http.getForEntity("/api/certificates/" + certificate, String.class);
		assertThat(lookup.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode face = JSON.readTree(lookup.getBody());
		Set<String> keys = new TreeSet<>();
		face.fieldNames().forEachRemaining(keys::add);
		assertThat(keys).containsExactlyInAnyOrder("number", "holder", "scope", "scheme", "standard", "stars", "grade",
				"issuedOn", "expiresOn", "status", "certificationBody");
		assertThat(face.get("status").asText()).isEqualTo("VALID");
		assertThat(lookup.getBody()).as("no client data beyond the holder's name, no internal record")
			.doesNotContain(request.creditCode(), request.clientAddress(), number, "decider", "lead", "grade-pcec");
		assertThat(
				this.http.getForEntity("/api/certificates/" + certificate + "/history", String.class).getStatusCode())
			.as("the status history is for staff")
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		ResponseEntity<String> unknown = this.http.getForEntity("/api/certificates/PCEC-1900-000009", String.class);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown.getBody()).doesNotContain("Exception", "trace", "at cn.");
	}

	// --- helpers

	private Set<String> apiEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition()
				.getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				if (methods.isEmpty()) {
					endpoints.add("GET " + pattern);
					endpoints.add("POST " + pattern);
				}
				methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
			}
		}
		return endpoints;
	}

	/**
	 * An endpoint ("METHOD /path/{variable}") called with made-up path values and a JSON
	 * body.
	 */
	private ResponseEntity<String> call(String credentials, String endpoint) {
		String[] parts = endpoint.split(" ", 2);
		String path = parts[1].replaceAll("\\{[^}]+}", "X1");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (credentials != null) {
			String[] userPassword = credentials.split(":", 2);
			headers.setBasicAuth(userPassword[0], userPassword[1]);
		}
		HttpMethod method = HttpMethod.valueOf(parts[0]);
		Object body = (method == HttpMethod.GET || method == HttpMethod.DELETE) ? null : "{}";
		return this.http.exchange(URI.create(this.http.getRootUri() + path), method, new HttpEntity<>(body, headers),
				String.class);
	}

	private ResponseEntity<String> deploy(String user, Map<String, byte[]> resources) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", "by " + user);
		body.add("deploy-changed-only", "true");
		resources.forEach((name, content) -> body.add(name, new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		}));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.withBasicAuth(user, user)
			.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
	}

	private List<JsonNode> list(String user, String path) {
		ResponseEntity<String> response = exchange(user, HttpMethod.GET, path, null);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		try {
			List<JsonNode> items = new ArrayList<>();
			JSON.readTree(response.getBody()).forEach(items::add);
			return items;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int status(String user, HttpMethod method, String path, Object body) {
		return exchange(user, method, path, body).getStatusCode().value();
	}

	private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.withBasicAuth(user, user)
			.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	private static Map<String, Object> variables(Map<String, Object> values) {
		Map<String, Object> variables = new HashMap<>();
		values.forEach((name, value) -> variables.put(name, Collections.singletonMap("value", value)));
		return Map.of("variables", variables);
	}

	// =================================================================================================================
	// Issue 15, points 4 and 6 (branch sec-access): who sees which record on our API,
	// managers read-only, comments and
	// attachments on tasks, documents kept and served as what their bytes are, nosniff.
	// Appended as one block.
	// =================================================================================================================

	/**
	 * Issue 15.4: our API follows the engine's rule. {@code auditor}, not on B's team and
	 * holding no task of B, gets exactly what an unknown number gets (404) for B's
	 * record, history, documents, notices, certificate and complaint; a team member, a
	 * person who holds or held one of its tasks, and the groups whose role covers every
	 * application see them (200).
	 */
	@Test
	void shouldShowAnApplicationOnlyToItsTeamItsTaskHoldersAndTheGroupsThatSeeAll_issue15_4() throws Exception {
		String a = this.driver.toDecision(CertificationDriver.request("PCEC", 3, 10), 12); // team:
																							// lead,
																							// auditor
		String b = this.driver.toDecisionWithTeam("lead", "dual");
		String c = this.driver.submit(CertificationDriver.request("PCEC", 3, 10)); // waiting
																					// for
																					// its
																					// review
		this.driver.complete("decider", a, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		this.driver.complete("decider", b, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		String certificateOfB = certificateOf(b);
		long documentOfA = documentOf(a);
		long documentOfB = documentOf(b);
		String caseOfB = JSON
			.readTree(
					exchange("reviewer", HttpMethod.POST, "/api/cases", Map.of("kind", "COMPLAINT", "certificateNumber",
							certificateOfB, "complainant", "某某", "subject", "维修不及时", "description", "维修不及时"))
						.getBody())
			.get("caseNumber")
			.asText();

		// auditor: not on B's team, no task of B
		for (String path : List.of("/api/applications/" + b, "/api/applications/" + b + "/history",
				"/api/applications/" + b + "/documents", "/api/applications/" + b + "/documents/" + documentOfB,
				"/api/applications/" + b + "/notices")) {
			ResponseEntity<String> hidden = exchange("auditor", HttpMethod.GET, path, null);
			assertThat(hidden.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
			ResponseEntity<String> unknown = exchange("auditor", HttpMethod.GET, path.replace(b, "APP-1900-000077"),
					null);
			assertThat(JSON.readTree(hidden.getBody().replace(b, "N")))
				.as("%s: the same answer as for an application that does not exist", path)
				.isEqualTo(JSON.readTree(unknown.getBody().replace("APP-1900-000077", "N")));
		}
		for (String path : List.of("/history", "/revisions", "/requests", "/document.pdf")) {
			assertThat(status("auditor", HttpMethod.GET, "/api/certificates/" + certificateOfB + path, null)).as(path)
				.isEqualTo(404);
		}
		assertThat(status("auditor", HttpMethod.GET, "/api/cases/" + caseOfB, null)).isEqualTo(404);
		assertThat(status("lead", HttpMethod.GET, "/api/cases/" + caseOfB, null)).as("the persons a complaint is about")
			.isEqualTo(404);
		assertThat(status("auditor", HttpMethod.GET, "/api/certificates/export.csv", null)).as("every certificate")
			.isEqualTo(403);
		assertThat(status("lead", HttpMethod.GET, "/api/certificates/export.json", null)).isEqualTo(403);

		// auditor on A's team: A's record, documents and certificate
		assertThat(status("auditor", HttpMethod.GET, "/api/applications/" + a, null)).isEqualTo(200);
		assertThat(status("auditor", HttpMethod.GET, "/api/applications/" + a + "/documents/" + documentOfA, null))
			.isEqualTo(200);
		assertThat(status("auditor", HttpMethod.GET, "/api/certificates/" + certificateOf(a) + "/history", null))
			.isEqualTo(200);
		// dual and lead on B's team
		assertThat(status("dual", HttpMethod.GET, "/api/applications/" + b + "/documents/" + documentOfB, null))
			.isEqualTo(200);
		assertThat(status("lead", HttpMethod.GET, "/api/applications/" + b, null)).isEqualTo(200);
		// decider held A's decision task (offered to the decision makers, finished
		// since): A yes, C not
		assertThat(status("decider", HttpMethod.GET, "/api/applications/" + a, null)).isEqualTo(200);
		assertThat(status("decider", HttpMethod.GET, "/api/applications/" + c, null)).isEqualTo(404);
		assertThat(status("lead", HttpMethod.GET, "/api/applications/" + c, null)).isEqualTo(404);
		assertThat(status("auditor", HttpMethod.GET, "/api/applications/" + c, null)).isEqualTo(404);
		// decision makers see every certificate (they may suspend or withdraw any)
		assertThat(status("decider", HttpMethod.GET, "/api/certificates/" + certificateOfB + "/history", null))
			.isEqualTo(200);
		assertThat(status("decider", HttpMethod.GET, "/api/certificates/export.json", null)).isEqualTo(200);
		// the groups whose role covers every application and case
		for (String user : List.of("reviewer", "quality", "manager", "admin")) {
			assertThat(status(user, HttpMethod.GET, "/api/applications/" + c, null)).as(user).isEqualTo(200);
			assertThat(status(user, HttpMethod.GET, "/api/applications/" + b + "/documents/" + documentOfB, null))
				.as(user)
				.isEqualTo(200);
			assertThat(status(user, HttpMethod.GET, "/api/cases/" + caseOfB, null)).as(user).isEqualTo(200);
		}
		// a lead auditor sees an application waiting for its audit team (PCEC 8.1): the
		// appointment task is offered to them all
		String d = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		this.driver.acceptApplication(d);
		this.driver.signContract(d);
		assertThat(status("lead", HttpMethod.GET, "/api/applications/" + d, null)).isEqualTo(200);
		assertThat(status("auditor", HttpMethod.GET, "/api/applications/" + d, null)).isEqualTo(404);
	}

	/**
	 * Issue 15.4: managers only read, on our API as in the engine; registering a
	 * complaint is the reviewers'.
	 */
	@Test
	void shouldKeepManagersReadOnlyOnOurApi_issue15_4() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		Map<String, Object> complaint = Map.of("kind", "COMPLAINT", "applicationNumber", number, "complainant", "某某",
				"subject", "受理太慢", "description", "申请受理太慢");
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		assertThat(status("manager", HttpMethod.POST, "/api/cases", complaint)).isEqualTo(403);
		for (String endpoint : apiEndpoints()) {
			if (endpoint.startsWith("GET ") || endpoint.equals("POST /api/conflicts")) {
				continue; // a declaration of one's own conflicts of interest changes no
							// certification record
			}
			assertThat(call("manager:manager", endpoint).getStatusCode().value()).as(endpoint).isIn(403, 415);
		}

		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
		assertThat(status("reviewer", HttpMethod.POST, "/api/cases", complaint)).isEqualTo(201);
	}

	/**
	 * Issue 15.4: Camunda checks no permission when a comment or attachment is added to a
	 * task; managers (READ on every task) and quality managers (READ_HISTORY on every
	 * process) could write on any. Now only those who may work the task can, through
	 * /engine-rest as through Tasklist.
	 */
	@Test
	void shouldLetOnlyThoseWhoMayWorkATaskWriteCommentsAndAttachmentsOnIt_issue15_4() throws Exception {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		String taskId = this.driver.task(number, InitialCertification.Elements.REVIEW_APPLICATION).getId();
		String task = "/engine-rest/task/" + taskId;
		Map<String, Long> before = notes();

		for (String user : List.of("manager", "quality")) {
			// what Camunda asks before it writes: that the caller sees the task's history
			assertThat(list(user, "/engine-rest/history/task?taskId=" + taskId)).as(user + " sees the task").hasSize(1);
			ResponseEntity<String> comment = exchange(user, HttpMethod.POST, task + "/comment/create",
					Map.of("message", "请尽快处理"));
			assertThat(comment.getStatusCode()).as(user + " comments").isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(attach(user, task).getStatusCode()).as(user + " attaches").isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(status("auditor", HttpMethod.POST, task + "/comment/create", Map.of("message", "x"))).isIn(400, 403,
				404);
		assertThat(notes()).as("nothing written").isEqualTo(before);

		// those who may work the task may: the reviewers, to whom it is offered (through
		// the Java API: Camunda's REST
		// API also wants READ_HISTORY, which reviewers have not), and administrators; a
		// manager removes nothing
		this.driver.as("reviewer", () -> this.tasks.createComment(taskId, null, "资料齐全"));
		ResponseEntity<String> attached = attach("admin", task);
		assertThat(attached.getStatusCode()).isEqualTo(HttpStatus.OK);
		String attachmentId = JSON.readTree(attached.getBody()).get("id").asText();
		// (Camunda's delete resource answers every refusal "404 deletion is not
		// possible", without its cause)
		assertThat(status("manager", HttpMethod.DELETE, task + "/attachment/" + attachmentId, null)).isIn(403, 404);
		assertThat(status("quality", HttpMethod.DELETE, task + "/attachment/" + attachmentId, null)).isIn(403, 404);
		assertThat(notes()).containsEntry("act_hi_comment", before.get("act_hi_comment") + 1)
			.containsEntry("act_hi_attachment", before.get("act_hi_attachment") + 1);
		this.driver.as("reviewer", () -> this.tasks.deleteTaskAttachment(taskId, attachmentId));
		assertThat(notes()).containsEntry("act_hi_attachment", before.get("act_hi_attachment"));
	}

	/**
	 * Issue 15.6: every response of our API says nosniff, refusals and errors included.
	 */
	@Test
	void shouldSendNosniffOnEveryApiResponse_issue15_6() {
		List<ResponseEntity<String>> responses = List.of(
				this.http.getForEntity("/api/applications/APP-1900-000001", String.class),
				this.http.getForEntity("/api/certificates/PCEC-1900-000009", String.class),
				exchange("reviewer", HttpMethod.GET, "/api/applications/APP-1900-000001", null),
				exchange("reviewer", HttpMethod.POST, "/api/applications", Map.of()),
				exchange("auditor", HttpMethod.GET, "/api/certificates/export.json", null),
				exchange("manager", HttpMethod.GET, "/api/certificates/export.json", null),
				exchange("reviewer", HttpMethod.GET, "/engine-rest/task", null));
		assertThat(responses).extracting(r -> r.getStatusCode().value())
			.containsExactly(401, 404, 404, 400, 403, 200, 200);
		assertThat(responses).allSatisfy(
				r -> assertThat(r.getHeaders().getFirst("X-Content-Type-Options")).as(r.getStatusCode().toString())
					.isEqualTo("nosniff"));
	}

	/**
	 * Issue 15.6 and 18: a PDF uploaded under a name with a path, CR/LF or a
	 * right-to-left override is refused naming the field, nothing stored; a PDF sent as
	 * {@code x.html} is kept as {@code x.html.pdf} and handed out as an attachment of the
	 * type its bytes are.
	 */
	@Test
	void shouldRefuseForgedNamesAndServeADocumentAsTheTypeItsBytesAre_issue15_6() throws Exception {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		byte[] pdf = "%PDF-1.4\n% 营业执照\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
		long before = this.jdbc.sql("select count(*) from document_file").query(Long.class).single();

		for (String name : List.of("../../etc/营业执照.pdf", "营业执照\r\nX-Injected: 1.pdf", "invoice\u202Efdp.exe")) {
			ResponseEntity<String> refused = uploadRaw(number, name, "application/octet-stream", pdf);
			assertThat(refused.getStatusCode()).as(name).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getBody()).as(name).contains("\"file\"");
		}
		assertThat(this.jdbc.sql("select count(*) from document_file").query(Long.class).single()).isEqualTo(before);

		ResponseEntity<String> uploaded = uploadRaw(number, "营业执照.html", "application/octet-stream", pdf);

		assertThat(uploaded.getStatusCode()).as(uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
		JsonNode info = JSON.readTree(uploaded.getBody());
		assertThat(info.get("fileName").asText()).isEqualTo("营业执照.html.pdf");
		assertThat(info.get("contentType").asText()).as("the type the bytes are").isEqualTo("application/pdf");
		ResponseEntity<byte[]> download = this.http.withBasicAuth("reviewer", "reviewer")
			.getForEntity("/api/applications/" + number + "/documents/" + info.get("id").asLong(), byte[].class);
		assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
		assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("营业执照.html.pdf");
		assertThat(download.getBody()).isEqualTo(pdf);
	}

	private String certificateOf(String applicationNumber) {
		return this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id where a.number = ?")
			.param(applicationNumber)
			.query(String.class)
			.single();
	}

	private long documentOf(String applicationNumber) {
		return this.jdbc
			.sql("select min(d.id) from document_file d join application a on a.id = d.application_id"
					+ " where a.number = ?")
			.param(applicationNumber)
			.query(Long.class)
			.single();
	}

	/** Comments and attachments kept by the engine. */
	private Map<String, Long> notes() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		for (String table : List.of("act_hi_comment", "act_hi_attachment")) {
			counts.put(table, this.jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

	/** An attachment by link, as Tasklist adds one. */
	private ResponseEntity<String> attach(String user, String task) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("attachment-name", "整改说明");
		body.add("attachment-description", "链接");
		body.add("attachment-type", "url");
		body.add("url", "https://example.org/note");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.withBasicAuth(user, user)
			.postForEntity(task + "/attachment/create", new HttpEntity<>(body, headers), String.class);
	}

	/**
	 * A document upload written byte for byte, the file name in RFC 5987 form
	 * ({@code filename*}) as a client may send CR, LF and other characters that a plain
	 * quoted name cannot carry.
	 */
	private ResponseEntity<String> uploadRaw(String number, String fileName, String contentType, byte[] content) {
		String boundary = "----certflow" + System.nanoTime();
		String encoded = java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nBUSINESS_LICENSE\r\n" + "--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x\"; filename*=UTF-8''" + encoded
				+ "\r\nContent-Type: " + contentType + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
		return this.http.withBasicAuth("reviewer", "reviewer")
			.postForEntity("/api/applications/" + number + "/documents", new HttpEntity<>(body.toByteArray(), headers),
					String.class);
	}

}
