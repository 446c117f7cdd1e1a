package cn.certflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.document.DocumentType;
import cn.certflow.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
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

/**
 * The whole initial certification on PostgreSQL, only through HTTP: our API for the
 * application, its documents and the public lookup; Camunda's REST API (/engine-rest,
 * HTTP Basic) for every task, as each role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "postgres", "demo" })
// close the engine while PostgreSQL still runs (the embedded server stops in a JVM
// shutdown hook)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InitialCertificationRestIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificationDriver driver;

	@Test
	void shouldCertifyThroughTheRestApisOnPostgres() {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 80);

		// R-APP-1: submit, then upload the documents (multipart, hashed)
		ResponseEntity<Map<String, String>> created = as("reviewer").exchange("/api/applications", HttpMethod.POST,
				new HttpEntity<>(request, json()), new ParameterizedTypeReference<>() {
				});
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String number = created.getBody().get("number");
		List<DocumentType> mandatory = java.util.Arrays.stream(DocumentType.values())
			.filter((type) -> type.mandatoryFor("PCEC"))
			.toList();
		mandatory.forEach((type) -> upload(number, type));
		ResponseEntity<List<Map<String, Object>>> documents = as("manager").exchange(
				"/api/applications/" + number + "/documents", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(documents.getBody()).hasSize(mandatory.size())
			.allSatisfy(d -> assertThat((String) d.get("sha256")).hasSize(64));

		complete("reviewer", number, "Task_ReviewApplication", CertificationDriver.acceptance(Map.of()));
		complete("reviewer", number, "Task_SignContract",
				Map.of("contractNumber", "HT-1", "contractSignedOn", today()));
		complete("lead", number, "Task_AppointAuditTeam", Map.of("leadAuditor", "lead", "auditTeam", "auditor"));
		complete("lead", number, "Task_ReviewDocuments", Map.of("documentReviewOutcome", "PASSED"));
		complete("lead", number, "Task_PlanAudit",
				Map.of("leadAuditor", "lead", "auditTeam", "auditor", "plannedDate", today()));
		complete("lead", number, "Task_OpeningMeeting", Map.of("planConfirmed", true, "attendance", "总经理"));
		complete("auditor", number, "Task_EvaluateServiceCharacteristics", Map.of("findings", "良好"));
		complete("auditor", number, "Task_AuditServiceManagement", Map.of("findings", "良好"));
		// R-GRD-PCEC-1: an out-of-range item is refused with 400 naming it, and the task
		// stays open
		Map<String, Object> outOfRange = new HashMap<>(this.driver.sheetScores("PCEC", 0));
		outOfRange.put("item_A2_2", "7");
		ResponseEntity<String> refused = as("lead").postForEntity(
				"/engine-rest/task/" + taskIds("lead", number, "Task_ScoreAudit").get(0) + "/complete",
				new HttpEntity<>(Map.of("variables", camunda(outOfRange)), json()), String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("item_A2_2");
		complete("lead", number, "Task_ScoreAudit", this.driver.sheetScores("PCEC", 12));
		complete("lead", number, "Task_ClosingMeeting", Map.of("nonconformities", ""));
		assertThat(taskIds("reviewer", number, "Task_CertificationDecision")).as("reviewers do not see the decision")
			.isEmpty();
		complete("decider", number, "Task_CertificationDecision", Map.of("decisionOutcome", "CERTIFY"));

		String certificate = this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id where a.number = ?")
			.param(number)
			.query(String.class)
			.single();
		// R-CERT-2: public lookup, no login
		ResponseEntity<Map<String, Object>> lookup = this.http.exchange("/api/certificates/" + certificate,
				HttpMethod.GET, null, new ParameterizedTypeReference<>() {
				});
		assertThat(lookup.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(lookup.getBody()).containsEntry("status", "VALID")
			.containsEntry("stars", 3)
			.containsEntry("grade", "三星级")
			.containsEntry("holder", request.clientName())
			.containsKeys("issuedOn", "expiresOn", "scope", "scheme")
			.doesNotContainKeys("creditCode", "gradeExplanation", "signatory");
		assertThat(this.http.getForEntity("/api/certificates/PCEC-1900-000000", String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldAskForCredentialsEverywhereButThePublicLookup() {
		assertThat(this.http.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.postForEntity("/api/applications", new HttpEntity<>("{}", json()), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.withBasicAuth("nobody", "wrong")
			.getForEntity("/engine-rest/task", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(as("auditor")
			.postForEntity("/api/applications", new HttpEntity<>(CertificationDriver.request("PCEC", 3, 10), json()),
					String.class)
			.getStatusCode()).as("only reviewers register applications").isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldRefuseABadApplicationNamingTheFieldsAndWriteNothing() {
		int applications = count("application");
		int instances = this.jdbc.sql("select count(*) from act_ru_execution").query(Integer.class).single();
		ApplicationRequest valid = CertificationDriver.request("PCEC", 3, 10);
		ApplicationRequest bad = new ApplicationRequest(valid.clientName(), valid.clientAddress(),
				valid.creditCode().substring(0, 17) + (valid.creditCode().endsWith("0") ? "1" : "0"),
				valid.legalStatus(), "NOPE", 3, "1.7", valid.categories(), valid.sites(), 0,
				List.of("APPLICATION_FORM"));
		ResponseEntity<Map<String, Object>> response = as("reviewer").exchange("/api/applications", HttpMethod.POST,
				new HttpEntity<>(bad, json()), new ParameterizedTypeReference<>() {
				});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		// the documents a scheme requires (PCEC 6.2 / ZHHT 5.1) are checked once the
		// scheme is known: here it is not
		assertThat(response.getBody().get("errors").toString()).contains("creditCode", "schemeId", "technicalArea",
				"headcount");
		ResponseEntity<String> wrongType = as("reviewer").exchange("/api/applications", HttpMethod.POST,
				new HttpEntity<>("{\"headcount\": \"many\"}", json()), String.class);
		assertThat(wrongType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(wrongType.getBody()).contains("headcount");
		assertThat(count("application")).isEqualTo(applications);
		assertThat(this.jdbc.sql("select count(*) from act_ru_execution").query(Integer.class).single())
			.isEqualTo(instances);
	}

	@Test
	void shouldEvaluateTheGradeTablesThroughCamundasRestApiForQualityManagersOnly() {
		// R-GRD-DMN: POST /engine-rest/decision-definition/key/{key}/evaluate; reviewers
		// may not
		Map<String, Object> body = Map.of("variables", Map.of("score", Map.of("value", 90.0, "type", "Double"),
				"specialDeductions", Map.of("value", 0, "type", "Integer")));
		ResponseEntity<List<Map<String, Map<String, Object>>>> result = as("quality").exchange(
				"/engine-rest/decision-definition/key/grade-pcec/evaluate", HttpMethod.POST,
				new HttpEntity<>(body, json()), new ParameterizedTypeReference<>() {
				});
		assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(result.getBody().get(0).get("grade")).containsEntry("value", "四星级");
		assertThat(as("reviewer")
			.postForEntity("/engine-rest/decision-definition/key/grade-pcec/evaluate", new HttpEntity<>(body, json()),
					String.class)
			.getStatusCode()).as("reviewers cannot even see the decision definition").isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldLetOnlyQualityManagersDeployATable() throws java.io.IOException {
		// R-GRD-DMN: a quality manager deploys a table from Modeler (REST); a reviewer
		// cannot
		byte[] table = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("rules/audit-time.dmn"));
		assertThat(deploy("reviewer", table).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deploy("quality", table).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<String> deploy(String user, byte[] table) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", "audit-time by " + user);
		body.add("deploy-changed-only", "true");
		body.add("audit-time.dmn", new ByteArrayResource(table) {
			@Override
			public String getFilename() {
				return "audit-time.dmn";
			}
		});
		return as(user).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, multipart()),
				String.class);
	}

	@Test
	void shouldRefuseADocumentOfAnUnacceptedTypeAndKeepNothing() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("type", "BUSINESS_LICENSE");
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.TEXT_HTML);
		body.add("file", new HttpEntity<>(new ByteArrayResource("<script>".getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "licence.html";
			}
		}, partHeaders));
		int before = count("document_file");
		ResponseEntity<String> response = as("reviewer").postForEntity("/api/applications/" + number + "/documents",
				new HttpEntity<>(body, multipart()), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("\"field\":\"file\"");
		assertThat(count("document_file")).isEqualTo(before);
	}

	private static HttpHeaders multipart() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return headers;
	}

	private int count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private void upload(String number, DocumentType type) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("type", type.name());
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.APPLICATION_PDF);
		body.add("file", new HttpEntity<>(new ByteArrayResource(("%PDF-1.4 " + type).getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return type.name() + ".pdf";
			}
		}, partHeaders));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		ResponseEntity<String> response = as("reviewer").postForEntity("/api/applications/" + number + "/documents",
				new HttpEntity<>(body, headers), String.class);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
	}

	private List<String> taskIds(String user, String number, String key) {
		ResponseEntity<List<Map<String, Object>>> tasks = as(user).exchange(
				"/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + key, HttpMethod.GET,
				null, new ParameterizedTypeReference<>() {
				});
		assertThat(tasks.getStatusCode()).isEqualTo(HttpStatus.OK);
		return tasks.getBody().stream().map(t -> (String) t.get("id")).toList();
	}

	private void complete(String user, String number, String key, Map<String, Object> variables) {
		List<String> ids = taskIds(user, number, key);
		assertThat(ids).as("%s sees task %s", user, key).hasSize(1);
		ResponseEntity<String> response = as(user).postForEntity("/engine-rest/task/" + ids.get(0) + "/complete",
				new HttpEntity<>(Map.of("variables", camunda(variables)), json()), String.class);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	private static Map<String, Object> camunda(Map<String, Object> variables) {
		Map<String, Object> camundaVariables = new HashMap<>();
		variables.forEach((name, value) -> camundaVariables.put(name, Map.of("value", value)));
		return camundaVariables;
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, user);
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	private static String today() {
		return cn.certflow.system.EngineTime.today().toString();
	}

}
