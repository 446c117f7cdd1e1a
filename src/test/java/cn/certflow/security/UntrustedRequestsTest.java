package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 15, points 7 and 8, through HTTP: an object variable of a type CertFlow does not
 * use is refused with 400 (never 500) wherever Camunda's REST API sets variables, and
 * nothing is stored; malformed requests get 4xx before anything runs (an Accept header
 * that is no media type list, negative paging); the webapps' engine list needs a login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UntrustedRequestsTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	CertificationDriver driver;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ProcessEngine engine;

	@LocalServerPort
	int port;

	// --- point 7: object variables

	@ParameterizedTest(name = "{0} as {1}")
	@CsvSource(delimiter = '|', value = { "java.net.URL | application/json | \"http://example.com/\"",
			"org.springframework.context.support.ClassPathXmlApplicationContext | application/json | \"http://example.com/x.xml\"",
			"java.lang.ProcessBuilder | application/json | [\"id\"]",
			"java.util.ArrayList<java.net.URL> | application/json | []",
			"java.util.HashMap<java.lang.String,javax.naming.InitialContext> | application/json | {}",
			"java.lang.String[] | application/json | []",
			"java.lang.String | application/x-java-serialized-object | rO0ABXQAAXg=",
			"java.lang.String | application/xml | <x/>", " | application/json | \"x\"" })
	void shouldRefuseAnObjectVariableOfAnotherTypeWithBadRequest(String type, String format, String value)
			throws Exception {
		String instance = instance();
		Map<String, Object> valueInfo = new java.util.LinkedHashMap<>();
		if (type != null) {
			valueInfo.put("objectTypeName", type);
		}
		valueInfo.put("serializationDataFormat", format);
		Map<String, Object> variable = Map.of("type", "Object", "value", value, "valueInfo", valueInfo);

		ResponseEntity<String> modify = exchange("admin", HttpMethod.POST,
				"/engine-rest/process-instance/" + instance + "/variables",
				Map.of("modifications", Map.of("probe", variable)));
		assertThat(modify.getStatusCode().value()).as(modify.getBody()).isEqualTo(400);
		assertThat(modify.getBody()).contains("issue 15");
		if (type != null) {
			assertThat(JSON.readTree(modify.getBody()).path("message").asText()).contains(type.trim());
		}

		ResponseEntity<String> put = exchange("admin", HttpMethod.PUT,
				"/engine-rest/process-instance/" + instance + "/variables/probe", variable);
		assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(400);
		assertThat(
				this.runtime.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("probe").count())
			.as("nothing stored")
			.isZero();
	}

	@Test
	void shouldRefuseItInEveryWayInThatSetsVariables() throws Exception {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		String instance = this.driver.instance(number).getId();
		String task = this.driver.task(number, InitialCertification.Elements.REVIEW_APPLICATION).getId();
		Map<String, Object> url = Map.of("type", "Object", "value", "\"http://example.com/\"", "valueInfo",
				Map.of("objectTypeName", "java.net.URL", "serializationDataFormat", "application/json"));

		Map<String, Integer> statuses = new java.util.LinkedHashMap<>();
		statuses.put("task variable",
				exchange("admin", HttpMethod.PUT, "/engine-rest/task/" + task + "/variables/probe", url).getStatusCode()
					.value());
		statuses.put("task completion",
				exchange("admin", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
						Map.of("variables", Map.of("reviewOutcome", Map.of("value", "ACCEPT"), "probe", url)))
					.getStatusCode()
					.value());
		statuses.put("process start",
				exchange("admin", HttpMethod.POST,
						"/engine-rest/process-definition/key/" + InitialCertification.KEY + "/start",
						Map.of("variables", Map.of("probe", url)))
					.getStatusCode()
					.value());
		statuses.put("binary, legacy 'type' part", binary(instance, "java.net.URL").getStatusCode().value());
		assertThat(statuses).allSatisfy((way, status) -> assertThat(status).as(way).isEqualTo(400));

		assertThat(this.runtime.createVariableInstanceQuery().variableName("probe").count()).isZero();
		assertThat(this.driver.task(number, InitialCertification.Elements.REVIEW_APPLICATION).getId()).isEqualTo(task);
	}

	@Test
	void shouldStillTakeTheTypesCertFlowUses() throws Exception {
		String instance = instance();
		Map<String, Object> list = Map.of("type", "Object", "value", "[\"APPLICATION_FORM\",\"BUSINESS_LICENSE\"]",
				"valueInfo", Map.of("objectTypeName", "java.util.ArrayList<java.lang.String>",
						"serializationDataFormat", "application/json"));
		ResponseEntity<String> put = exchange("admin", HttpMethod.PUT,
				"/engine-rest/process-instance/" + instance + "/variables/documentsProbe", list);
		assertThat(put.getStatusCode().value()).as(put.getBody()).isEqualTo(204);
		ResponseEntity<String> read = exchange("admin", HttpMethod.GET,
				"/engine-rest/process-instance/" + instance + "/variables/documentsProbe", null);
		assertThat(read.getStatusCode().value()).as(read.getBody()).isEqualTo(200);
		assertThat(this.runtime.getVariable(instance, "documentsProbe"))
			.isEqualTo(List.of("APPLICATION_FORM", "BUSINESS_LICENSE"));

		// Java callers' lists (immutable JDK lists) are read back too
		this.runtime.setVariable(instance, "listProbe", List.of("a", "b", "c"));
		assertThat(this.runtime.getVariable(instance, "listProbe")).isEqualTo(List.of("a", "b", "c"));
		this.runtime.setVariable(instance, "mapProbe", Map.of("a", 1));
		assertThat(this.runtime.getVariable(instance, "mapProbe")).isEqualTo(Map.of("a", 1));
	}

	@Test
	void shouldValidateTypesWhenAStoredObjectIsRead() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.getDeserializationTypeValidator().validate("java.lang.String")).isTrue();
		for (String type : List.of("java.net.URL", "java.lang.ProcessBuilder", "java.lang.Runtime",
				"org.springframework.context.support.ClassPathXmlApplicationContext")) {
			assertThat(configuration.getDeserializationTypeValidator().validate(type)).as(type).isFalse();
		}
		// the Java API is held to the same list
		String instance = instance();
		assertThatThrownBy(() -> this.runtime.setVariable(instance, "probe",
				Variables.serializedObjectValue("\"http://example.com/\"")
					.objectTypeName("java.net.URL")
					.serializationDataFormat("application/json")
					.create()))
			.hasMessageContaining("java.net.URL");
	}

	// --- point 8: malformed requests

	@ParameterizedTest
	@ValueSource(strings = { "text/html;q=abc", "@@@", "text/", "application/json;;;=", "text/html, /json" })
	void shouldAnswerAMalformedAcceptHeaderWith4xxBeforeTheAccessCheck(String accept) {
		for (String user : List.of("quality", "reviewer")) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.ACCEPT, accept);
			ResponseEntity<String> response = this.http.withBasicAuth(user, user)
				.exchange("/api/certificates/PCEC-2026-000001/file", HttpMethod.GET, new HttpEntity<>(headers),
						String.class);
			assertThat(response.getStatusCode().value()).as(user + ", Accept: " + accept + " → " + response.getBody())
				.isEqualTo(400);
			assertThat(response.getBody()).contains("Accept").doesNotContain("Exception", "at cn.");
		}
		HttpHeaders html = new HttpHeaders();
		html.set(HttpHeaders.ACCEPT, "text/html");
		assertThat(this.http.withBasicAuth("quality", "quality")
			.exchange("/api/certificates/PCEC-1900-000009/file", HttpMethod.GET, new HttpEntity<>(html), String.class)
			.getStatusCode()
			.value()).as("a well-formed Accept still reaches the handler").isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "maxResults=-5", "firstResult=-1", "maxResults=abc", "maxResults=99999999999",
			"firstResult=0&maxResults=-1", "maxResults=%2D5" })
	void shouldAnswerBadPagingOfTheEngineRestApiWith400(String query) throws Exception {
		ResponseEntity<String> response = exchange("reviewer", HttpMethod.GET, "/engine-rest/task?" + query, null);
		assertThat(response.getStatusCode().value()).as(query + " → " + response.getBody()).isEqualTo(400);
		assertThat(JSON.readTree(response.getBody()).path("type").asText()).isEqualTo("InvalidRequestException");
		assertThat(response.getBody()).containsAnyOf("maxResults", "firstResult");
		assertThat(
				exchange("reviewer", HttpMethod.GET, "/engine-rest/process-definition?" + query, null).getStatusCode()
					.value())
			.isEqualTo(400);
	}

	@Test
	void shouldStillPageWithGoodValues() {
		assertThat(exchange("reviewer", HttpMethod.GET, "/engine-rest/task?firstResult=0&maxResults=5", null)
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(exchange("reviewer", HttpMethod.GET, "/engine-rest/task/count", null).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void shouldListTheEnginesToSignedInWebappUsersOnly() throws Exception {
		HttpClient stranger = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();
		for (String path : List.of("/camunda/api/engine/engine/", "/camunda/api/engine/engine")) {
			HttpResponse<String> response = get(stranger, path, null);
			assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(401);
			assertThat(response.body()).doesNotContain("\"name\"");
		}
		// a session that has opened the page but not logged in
		HttpResponse<String> page = get(stranger, "/camunda/app/tasklist/default/", null);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(get(stranger, "/camunda/api/engine/engine/", null).statusCode()).isEqualTo(401);

		// signed in through the webapp login
		String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
		HttpResponse<String> login = stranger.send(HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + this.port + "/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", token)
			.POST(HttpRequest.BodyPublishers.ofString("username=reviewer&password=reviewer"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		HttpResponse<String> engines = get(stranger, "/camunda/api/engine/engine/", null);
		assertThat(engines.statusCode()).as(engines.body()).isEqualTo(200);
		assertThat(engines.body()).contains("\"name\":\"default\"");

		// the login page loads the script that keeps the login's first call to the list
		// working
		assertThat(get(stranger, "/camunda/app/tasklist/scripts/config.js", null).body())
			.contains("certflow-engine-list");
		assertThat(get(stranger, "/camunda/app/certflow/engine-list.js", null).statusCode()).isEqualTo(200);
	}

	// --- helpers

	private String instance() {
		return this.driver.instance(this.driver.submit(CertificationDriver.request("PCEC", 3, 10))).getId();
	}

	private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.withBasicAuth(user, user)
			.exchange(URI.create(this.http.getRootUri() + path), method, new HttpEntity<>(body, headers), String.class);
	}

	/**
	 * POST …/variables/probe/data with the legacy "type" part: the REST API reads the
	 * JSON into that class itself.
	 */
	private ResponseEntity<String> binary(String instance, String type) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		body.add("data",
				new HttpEntity<>(new ByteArrayResource("\"http://example.com/\"".getBytes(StandardCharsets.UTF_8)) {
					@Override
					public String getFilename() {
						return "data.json";
					}
				}, json));
		HttpHeaders text = new HttpHeaders();
		text.setContentType(MediaType.TEXT_PLAIN);
		body.add("type", new HttpEntity<>(type, text));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.withBasicAuth("admin", "admin")
			.exchange("/engine-rest/process-instance/" + instance + "/variables/probe/data", HttpMethod.POST,
					new HttpEntity<>(body, headers), String.class);
	}

	private HttpResponse<String> get(HttpClient client, String path, String accept)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", (accept != null) ? accept : "application/json, text/html");
		return client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unused")
	private static JsonNode json(String body) throws IOException {
		return JSON.readTree(body);
	}

}
