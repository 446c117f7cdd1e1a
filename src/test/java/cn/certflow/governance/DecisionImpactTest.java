package cn.certflow.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.system.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 23 (R-GRD-DMN, R-GRD-PCEC-3, R-PLAN-1): before a candidate version of a governed
 * table takes effect, the approver sees whom it would have graded (or planned)
 * differently — on the approval task, on the staff page and through the API — computed on
 * the standalone DMN engine without writing decision history or changing any record;
 * approving needs "我已查看影响报告" and regrades nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "certflow.governance.check-interval=PT1S", "certflow.test.context=decision-impact" })
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DecisionImpactTest {

	/** The demo profile's second quality manager (four eyes, R-GRD-DMN). */
	static final String SECOND_QM = "quality2";

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	DecisionApprovals approvals;

	@Autowired
	CertificationDriver driver;

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldShowTheApproverExactlyWhichApplicationsAFiveStarThresholdAt96WouldGradeFourStars() throws Exception {
		// graded under grade-pcec v1 (five stars from 95, R-GRD-PCEC-3): 100, 96, 95, 95,
		// 92 points
		String full = this.driver.toDecision(CertificationDriver.request("PCEC", 5, 120), 0);
		String ninetySix = this.driver.toDecision(CertificationDriver.request("PCEC", 5, 120), 4);
		String certified95 = this.driver.toDecision(CertificationDriver.request("PCEC", 5, 120), 5);
		String pending95 = this.driver.toDecision(CertificationDriver.request("PCEC", 5, 120), 5);
		String ninetyTwo = this.driver.toDecision(CertificationDriver.request("PCEC", 5, 120), 8);
		this.driver.complete("decider", certified95, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		String certificate = certificateOf(certified95);
		assertThat(starsOf(certificate)).isEqualTo(5);
		DecisionApproval v1 = this.approvals.inForceRecord("grade-pcec").orElseThrow();
		long v1History = this.history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionId(v1.definitionId())
			.count();
		List<Map<String, Object>> scoresBefore = scores();

		// v2: five stars from 96, its cases changed to match (deployed from Modeler by
		// quality)
		DecisionDefinition v2 = deploy("quality", "grade-pcec",
				Files.readString(Path.of("rules", "grade-pcec.dmn")).replace("&gt;= 95", "&gt;= 96"), casesAt96());
		DecisionApproval record = this.approvals.ofDefinition(v2.getId()).orElseThrow();
		assertThat(record.status()).isEqualTo(ApprovalStatus.CANDIDATE);

		// the approval task: the summary, every affected application, the link to the
		// full list
		Task task = this.tasks.createTaskQuery().processInstanceId(record.processInstanceId()).singleResult();
		Map<String, Object> variables = this.tasks.getVariables(task.getId());
		assertThat(variables).containsEntry("impactSummary", "5 次评级中 2 次会改变；stars：少 1 星 × 2 次；合计 -2 星。")
			.containsEntry("impactEvaluated", 5)
			.containsEntry("impactChanged", 2)
			.containsEntry("impactUrl", "/staff/decision-tables/grade-pcec/versions/" + v2.getVersion() + "/impact");
		List<String> lines = ((String) variables.get("impactList")).lines().toList();
		assertThat(lines).containsExactly(
				"• " + certificate + " 天津某某电器服务有限公司（申请 " + certified95 + "）：score=95, specialDeductions=0；"
						+ "stars=5, grade=五星级 → stars=4, grade=四星级；Rule_FiveStars（第 1 行） → Rule_FourStars（第 2 行）",
				"• " + pending95 + " 天津某某电器服务有限公司：score=95, specialDeductions=0；"
						+ "stars=5, grade=五星级 → stars=4, grade=四星级；Rule_FiveStars（第 1 行） → Rule_FourStars（第 2 行）");
		assertThat(String.join("\n", lines)).doesNotContain(full, ninetySix, ninetyTwo);

		// the endpoint: the same list, as JSON, for quality managers and managers
		JsonNode impact = getJson("quality", "/api/decision-tables/grade-pcec/versions/" + v2.getVersion() + "/impact");
		assertThat(impact.path("evaluated").asInt()).isEqualTo(5);
		assertThat(impact.path("changed").asInt()).isEqualTo(2);
		assertThat(impact.path("comparedVersion").asInt()).isEqualTo(v1.version());
		assertThat(impact.path("changes").findValuesAsText("subject")).containsExactly(certificate, pending95);
		JsonNode first = impact.path("changes").get(0);
		assertThat(first.path("subjectType").asText()).isEqualTo("CERTIFICATE");
		assertThat(first.path("application").asText()).isEqualTo(certified95);
		assertThat(first.path("client").asText()).isEqualTo("天津某某电器服务有限公司");
		assertThat(first.path("inputs").path("score").asDouble()).isEqualTo(95.0);
		assertThat(first.path("before").path("stars").asInt()).isEqualTo(5);
		assertThat(first.path("after").path("stars").asInt()).isEqualTo(4);
		assertThat(first.path("after").path("grade").asText()).isEqualTo("四星级");
		assertThat(first.path("ruleBefore").asText()).isEqualTo("Rule_FiveStars（第 1 行）");
		assertThat(first.path("ruleAfter").asText()).isEqualTo("Rule_FourStars（第 2 行）");
		assertThat(first.path("difference").asInt()).isEqualTo(-1);
		assertThat(getStatus("manager", "/api/decision-tables/grade-pcec/versions/" + v2.getVersion() + "/impact"))
			.isEqualTo(HttpStatus.OK);
		assertThat(getStatus("reviewer", "/api/decision-tables/grade-pcec/versions/" + v2.getVersion() + "/impact"))
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.http
			.getForEntity("/api/decision-tables/grade-pcec/versions/" + v2.getVersion() + "/impact", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(getStatus("quality", "/api/decision-tables/grade-pcec/versions/" + v1.version() + "/impact"))
			.as("the release's baseline has no report")
			.isEqualTo(HttpStatus.NOT_FOUND);

		// the simulation wrote no decision history (the candidate's only evaluations are
		// its 18 cases) and no record
		assertThat(this.history.createHistoricDecisionInstanceQuery().decisionDefinitionId(v1.definitionId()).count())
			.isEqualTo(v1History);
		assertThat(this.history.createHistoricDecisionInstanceQuery().decisionDefinitionId(v2.getId()).count())
			.isEqualTo(record.caseCount());
		assertThat(scores()).isEqualTo(scoresBefore);

		// approving needs "我已查看影响报告": 400 naming it in Chinese, nothing decided
		assertThatThrownBy(() -> this.driver.as(SECOND_QM,
				() -> this.tasks.complete(task.getId(), Map.of("changeApproved", true))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("impactReviewed")
			.hasMessageContaining("我已查看影响报告");
		Map<String, Object> withoutSummary = new HashMap<>();
		withoutSummary.put("changeApproved", true);
		withoutSummary.put("impactSummary", null);
		assertThatThrownBy(() -> this.driver.as(SECOND_QM, () -> this.tasks.complete(task.getId(), withoutSummary)))
			.as("the report's record decides, not a task variable the caller could clear: the form-fields guard (issue 15)"
					+ " refuses the variable, and the listener would still ask for impactReviewed")
			.isInstanceOf(InvalidInputException.class)
			.hasMessageMatching("(?s).*(impactReviewed|impactSummary).*");
		ResponseEntity<String> refused = this.http.withBasicAuth(SECOND_QM, SECOND_QM)
			.postForEntity("/engine-rest/task/" + task.getId() + "/complete",
					new HttpEntity<>(
							Map.of("variables", Map.of("changeApproved", Map.of("value", true, "type", "Boolean"))),
							json()),
					String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("我已查看影响报告");
		assertThat(this.approvals.get(record.id()).orElseThrow().status()).isEqualTo(ApprovalStatus.CANDIDATE);
		this.driver.as(SECOND_QM, () -> this.tasks.complete(task.getId(),
				Map.of("changeApproved", true, "impactReviewed", true, "approvalComment", "五星级下限改为 96")));
		assertThat(this.approvals.inForce("grade-pcec").version()).isEqualTo(v2.getVersion());
		assertThat(getJson("quality", "/api/decision-tables/grade-pcec/versions/" + v2.getVersion() + "/impact")
			.path("impactReviewed")
			.asBoolean()).isTrue();

		// approving regrades nothing: the certificate keeps five stars until its next
		// audit
		assertThat(starsOf(certificate)).isEqualTo(5);
		assertThat(scores()).isEqualTo(scoresBefore);

		// a certificate graded under v2 links v2's impact report in its accreditation
		// file
		String underV2 = this.driver.toDecision(CertificationDriver.request("PCEC", 5, 120), 0);
		this.driver.complete("decider", underV2, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		JsonNode file = getJson("quality", "/api/certificates/" + certificateOf(underV2) + "/file.json");
		assertThat(file.path("grade").path("decisionVersion").asInt()).isEqualTo(v2.getVersion());
		assertThat(file.path("grade").path("impactReport").asText())
			.isEqualTo("/staff/decision-tables/grade-pcec/versions/" + v2.getVersion() + "/impact");
		assertThat(getJson("quality", "/api/certificates/" + certificate + "/file.json").path("grade")
			.path("impactReport")
			.isNull()).as("graded under the baseline, which has no report").isTrue();
	}

	@Test
	void shouldShowHowManyPastAuditsAnotherAuditTimeBandWouldPlanWithOtherPersonDays() throws Exception {
		// R-PLAN-1: initial certifications planned under audit-time v1 (51–100 people: 4
		// person-days)
		DecisionApproval v1 = this.approvals.inForceRecord("audit-time").orElseThrow();
		long earlier = this.history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionId(v1.definitionId())
			.list()
			.stream()
			.filter((instance) -> instance.getProcessInstanceId() != null)
			.count();
		String sixty = toPlanning(60);
		String eighty = toPlanning(80);
		String ten = toPlanning(10);
		String twoHundred = toPlanning(200);

		// v2: the 51–100 band plans 5 initial person-days (surveillance, recertification
		// follow)
		String bigger = Files.readString(Path.of("rules", "audit-time.dmn"))
			.replace("<text>4</text>", "<text>5</text>")
			.replace("ceiling(0.6 * 4)", "ceiling(0.6 * 5)")
			.replace("ceiling(0.8 * 4)", "ceiling(0.8 * 5)");
		ObjectNode cases = (ObjectNode) JSON.readTree(Files.readString(Path.of("rules", "audit-time.cases.json")));
		cases.get("cases").forEach((c) -> {
			if (c.get("name").asText().matches("(51|100) 人 初次认证")) {
				((ObjectNode) c.get("expected")).put("personDays", 5);
			}
		});
		DecisionDefinition v2 = deploy("quality", "audit-time", bigger, JSON.writeValueAsString(cases));
		DecisionApproval record = this.approvals.ofDefinition(v2.getId()).orElseThrow();
		assertThat(record.status()).isEqualTo(ApprovalStatus.CANDIDATE);

		Task task = this.tasks.createTaskQuery().processInstanceId(record.processInstanceId()).singleResult();
		long evaluated = earlier + 4;
		assertThat(this.tasks.getVariable(task.getId(), "impactSummary"))
			.isEqualTo(evaluated + " 次审查人日计算中 2 次会改变；personDays：多 1 人日 × 2 次；合计 +2 人日。");
		JsonNode impact = getJson("manager", "/api/decision-tables/audit-time/versions/" + v2.getVersion() + "/impact");
		assertThat(impact.path("evaluated").asLong()).isEqualTo(evaluated);
		assertThat(impact.path("changes").findValuesAsText("subject")).containsExactly(sixty, eighty);
		assertThat(impact.path("changes").findValuesAsText("subject")).doesNotContain(ten, twoHundred);
		JsonNode first = impact.path("changes").get(0);
		assertThat(first.path("inputs").path("headcount").asInt()).isEqualTo(60);
		assertThat(first.path("inputs").path("auditType").asText()).isEqualTo("INITIAL");
		assertThat(first.path("before").path("personDays").asInt()).isEqualTo(4);
		assertThat(first.path("after").path("personDays").asInt()).isEqualTo(5);
		assertThat(first.path("difference").asInt()).isEqualTo(1);
		assertThat(first.path("ruleBefore").asText()).startsWith("Rule_Band3_Initial（第 ");
		assertThat(first.path("ruleAfter").asText()).startsWith("Rule_Band3_Initial（第 ");
	}

	@Test
	void shouldServeTheFullListToTheWebappLoginOnlyToQualityManagersManagersAndAdmins() throws Exception {
		String fewer = Files.readString(Path.of("rules", "grade-cqm.dmn"));
		DecisionDefinition candidate = deploy("quality", "grade-cqm",
				fewer.replace("R-GRD-CQM-1 方圆", "R-GRD-CQM-1（说明改写）方圆"), null);
		String page = "/staff/decision-tables/grade-cqm/versions/" + candidate.getVersion() + "/impact";

		// one login: the session of the Tasklist login opens the staff page
		Browser quality = new Browser();
		quality.login("quality");
		HttpResponse<String> shown = quality.get(page, "text/html");
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("grade-cqm v" + candidate.getVersion() + " 影响报告", "当前用户：quality",
				"批准新版本<strong>不会</strong>重新评定已发证书", "/css/staff.css");
		assertThat(quality.get("/css/staff.css", "text/css").statusCode()).isEqualTo(200);

		// others: 403; no login: a browser goes to Tasklist's login, anything else gets
		// 401; HTTP Basic works
		Browser reviewer = new Browser();
		reviewer.login("reviewer");
		assertThat(reviewer.get(page, "text/html").statusCode()).isEqualTo(403);
		HttpResponse<String> anonymous = new Browser().get(page, "text/html");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist/");
		assertThat(new Browser().get(page, "application/json").statusCode()).isEqualTo(401);
		assertThat(this.http.withBasicAuth("manager", "manager").getForEntity(page, String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.http.withBasicAuth("admin", "admin").getForEntity(page, String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(this.http.withBasicAuth("quality", "quality")
			.getForEntity("/staff/decision-tables/grade-cqm/versions/999/impact", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		// last: a wrong password makes the engine delay that user's next logins
		// (brute-force protection)
		assertThat(this.http.withBasicAuth("quality", "wrong").getForEntity(page, String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	// --- helpers

	private String toPlanning(int headcount) {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, headcount));
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.appointTeam(number, "lead", "auditor");
		this.driver.passDocuments(number);
		return number;
	}

	private static String casesAt96() throws IOException {
		ObjectNode cases = (ObjectNode) JSON.readTree(Files.readString(Path.of("rules", "grade-pcec.cases.json")));
		ArrayNode list = (ArrayNode) cases.get("cases");
		for (JsonNode c : list) {
			if (c.get("name").asText().equals("95 分")) {
				((ObjectNode) c.get("expected")).put("stars", 4).put("grade", "四星级");
			}
		}
		ObjectNode added = list.addObject().put("name", "96 分").put("description", "五星级下限 96（含）");
		added.set("inputs", JSON.createObjectNode().put("score", 96.0).put("specialDeductions", 0));
		added.set("expected", JSON.createObjectNode().put("stars", 5).put("grade", "五星级"));
		return JSON.writeValueAsString(cases);
	}

	private DecisionDefinition deploy(String user, String key, String dmn, String casesJson) {
		String[] id = new String[1];
		this.driver.as(user, () -> {
			DeploymentBuilder builder = this.repository.createDeployment()
				.name(key + " by " + user)
				.addInputStream(key + ".dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)));
			if (casesJson != null) {
				builder.addInputStream(DecisionCases.fileName(key),
						new ByteArrayInputStream(casesJson.getBytes(StandardCharsets.UTF_8)));
			}
			id[0] = builder.deploy().getId();
		});
		return this.repository.createDecisionDefinitionQuery().deploymentId(id[0]).singleResult();
	}

	private String certificateOf(String applicationNumber) {
		return this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id"
					+ " where a.number = ? order by c.id desc fetch first 1 rows only")
			.params(applicationNumber)
			.query(String.class)
			.single();
	}

	private int starsOf(String certificate) {
		return this.jdbc.sql("select stars from certificate where number = ?")
			.params(certificate)
			.query(Integer.class)
			.single();
	}

	private List<Map<String, Object>> scores() {
		return this.jdbc.sql("select id, stars, grade, decision_version, score from audit_score order by id")
			.query()
			.listOfRows();
	}

	private JsonNode getJson(String user, String path) throws IOException {
		ResponseEntity<String> response = this.http.withBasicAuth(user, user).getForEntity(path, String.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return JSON.readTree(response.getBody());
	}

	private HttpStatus getStatus(String user, String path) {
		return HttpStatus.valueOf(this.http.withBasicAuth(user, user)
			.exchange(path, HttpMethod.GET, null, String.class)
			.getStatusCode()
			.value());
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	/** A browser: cookies, the webapps' XSRF token, the Tasklist login. */
	final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();

		private String token;

		void login(String user) throws IOException, InterruptedException {
			assertThat(get("/camunda/app/tasklist/default/", "text/html").statusCode()).isEqualTo(200);
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(user, StandardCharsets.UTF_8);
			HttpResponse<String> login = send(
					request("/camunda/api/admin/auth/user/default/login/tasklist", "application/json")
						.header("Content-Type", "application/x-www-form-urlencoded")
						.header("X-XSRF-TOKEN", this.token)
						.POST(HttpRequest.BodyPublishers.ofString(form)));
			assertThat(login.statusCode()).as("Tasklist login of " + user).isEqualTo(200);
		}

		HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
			return send(request(path, accept).GET());
		}

		private HttpRequest.Builder request(String path, String accept) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + DecisionImpactTest.this.port + path))
				.header("Accept", accept);
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
