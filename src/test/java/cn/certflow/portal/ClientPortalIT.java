package cn.certflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.support.DatabaseSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 18, through HTTP only: client accounts get the portal and {@code /api/client} and
 * nothing else (webapps, engine REST, staff API: 403); staff get 403 on the client API
 * and the portal; two clients never see each other's records (another client's number or
 * id is 404 exactly as one that does not exist); the portal's login, CSRF, SameSite
 * cookie, set-password link and no-store documents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "certflow.login-throttle.per-source.free-failures=100000",
				"certflow.login-throttle.per-account.free-failures=100000",
				"spring.servlet.multipart.max-file-size=" + PortalBadInputIT.UPLOAD_LIMIT,
				"spring.servlet.multipart.max-request-size=" + PortalBadInputIT.UPLOAD_LIMIT })
@ActiveProfiles({ "test", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientPortalIT {

	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CertificationDriver driver;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HistoryService history;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/** client's (天津海河) records: an open application, a document, a certificate. */
	String ownApplication;

	long ownDocument;

	String ownCertificate;

	/** client2's (北京中关村) records. */
	String otherApplication;

	long otherDocument;

	@BeforeAll
	void records() throws Exception {
		this.ownCertificate = certify(DemoClientAccounts.TIANJIN);
		this.ownApplication = apply("client");
		this.ownDocument = upload("client", this.ownApplication);
		this.otherApplication = apply("client2");
		this.otherDocument = upload("client2", this.otherApplication);
	}

	String certify(String creditCode) {
		ApplicationRequest template = CertificationDriver.request("PCEC", 3, 10);
		ApplicationRequest request = new ApplicationRequest("天津海河家电售后服务有限公司", template.clientAddress(), creditCode,
				template.legalStatus(), "PCEC", 3, template.technicalArea(), template.categories(), template.sites(),
				template.headcount(), template.documents(), "service@haihe.example");
		String number = this.driver.toDecision(request, 12);
		this.driver.complete("decider", number, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		return this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id where a.number = ?")
			.param(number)
			.query(String.class)
			.single();
	}

	String apply(String user) throws Exception {
		HttpResponse<String> response = api(user).postJson("/api/client/applications", applicationJson());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("number").asText();
	}

	long upload(String user, String number) throws Exception {
		HttpResponse<String> response = api(user).postFile("/api/client/applications/" + number + "/documents",
				Map.of("type", "BUSINESS_LICENSE"), "营业执照.pdf", "application/pdf",
				"%PDF-1.4 营业执照".getBytes(StandardCharsets.UTF_8), false);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("id").asLong();
	}

	static String applicationJson() throws Exception {
		ApplicationRequest r = CertificationDriver.request("PCEC", 3, 10);
		Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("clientName", "某某服务有限公司");
		body.put("clientAddress", r.clientAddress());
		body.put("creditCode", "ignored: the caller's own");
		body.put("legalStatus", r.legalStatus());
		body.put("schemeId", "PCEC");
		body.put("requestedStars", 3);
		body.put("technicalArea", "01.07");
		body.put("categories", r.categories());
		body.put("sites", r.sites());
		body.put("headcount", 20);
		body.put("documents", r.documents());
		return JSON.writeValueAsString(body);
	}

	PortalBrowser api(String user) {
		return new PortalBrowser(this.port).withBasic(user, user);
	}

	@Test
	@DisplayName("issue 18: a client sees its own applications, certificate, documents and notices through /api/client")
	void shouldShowAClientItsOwnRecords() throws Exception {
		JsonNode applications = JSON.readTree(api("client").get("/api/client/applications").body());
		List<String> numbers = new ArrayList<>();
		applications.forEach(a -> numbers.add(a.get("number").asText()));
		assertThat(numbers).contains(this.ownApplication).doesNotContain(this.otherApplication);
		JsonNode detail = JSON.readTree(api("client").get("/api/client/applications/" + this.ownApplication).body());
		assertThat(detail.at("/application/creditCode").asText()).isEqualTo(DemoClientAccounts.TIANJIN);
		assertThat(detail.at("/documents/0/sha256").asText()).hasSize(64);
		assertThat(detail.at("/missingDocuments").size()).as("six mandatory types still missing").isEqualTo(6);
		assertThat(this.history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(this.ownApplication)
			.singleResult()
			.getStartUserId()).as("started by the client's account, as the start form would").isEqualTo("client");
		JsonNode certificates = JSON.readTree(api("client").get("/api/client/certificates").body());
		assertThat(certificates.size()).isEqualTo(1);
		assertThat(certificates.get(0).get("number").asText()).isEqualTo(this.ownCertificate);
		assertThat(certificates.get(0).get("verificationUrl").asText()).contains("/verify.html?number=");
		JsonNode certificate = JSON
			.readTree(api("client").get("/api/client/certificates/" + this.ownCertificate).body());
		assertThat(certificate.at("/revisions/0/revision").asInt()).isEqualTo(1);
		HttpResponse<byte[]> pdf = api("client")
			.getBytes("/api/client/certificates/" + this.ownCertificate + "/document.pdf");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		JsonNode notices = JSON.readTree(api("client").get("/api/client/notices").body());
		assertThat(notices.findValuesAsText("kind")).contains("CERTIFICATE_ISSUED");
		assertThat(JSON.readTree(api("client2").get("/api/client/notices").body()).findValuesAsText("kind"))
			.doesNotContain("CERTIFICATE_ISSUED");
		HttpResponse<byte[]> document = api("client").getBytes("/api/client/documents/" + this.ownDocument);
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.headers().firstValue("Cache-Control").orElse("")).contains("no-store").contains("private");
		assertThat(document.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
	}

	@Test
	@DisplayName("issue 18: another client's numbers and ids answer 404 exactly as numbers that do not exist, on every client route and page")
	void shouldNotLeakAnotherClientsRecords() throws Exception {
		PortalBrowser portal = new PortalBrowser(this.port);
		assertThat(portal.signIn("client", "client").statusCode()).isEqualTo(302);
		Map<String, String> foreignAndMissing = Map.of("/api/client/applications/%s", this.otherApplication,
				"/api/client/documents/%s", String.valueOf(this.otherDocument), "/portal/applications/%s",
				this.otherApplication, "/portal/documents/%s", String.valueOf(this.otherDocument));
		int walked = 0;
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);
		for (Map.Entry<String, String> route : foreignAndMissing.entrySet()) {
			String missing = route.getValue().startsWith("APP") ? "APP-1900-000001" : "999999999";
			boolean page = route.getKey().startsWith("/portal");
			HttpResponse<String> foreign = page ? portal.get(route.getKey().formatted(route.getValue()))
					: api("client").get(route.getKey().formatted(route.getValue()));
			HttpResponse<String> absent = page ? portal.get(route.getKey().formatted(missing))
					: api("client").get(route.getKey().formatted(missing));
			assertThat(foreign.statusCode()).as(route.getKey()).isEqualTo(404);
			assertThat(absent.statusCode()).as(route.getKey()).isEqualTo(404);
			assertThat(foreign.body().replace(route.getValue(), "N")).as(route.getKey())
				.isEqualTo(absent.body().replace(missing, "N"));
			walked++;
		}
		// the other client's certificate: client2 asks for client's
		for (String path : List.of("/api/client/certificates/" + this.ownCertificate,
				"/api/client/certificates/" + this.ownCertificate + "/document.pdf")) {
			assertThat(api("client2").get(path).statusCode()).as(path).isEqualTo(404);
			walked++;
		}
		PortalBrowser other = new PortalBrowser(this.port);
		other.signIn("client2", "client2");
		for (String path : List.of("/portal/certificates/" + this.ownCertificate,
				"/portal/certificates/" + this.ownCertificate + "/document.pdf",
				"/portal/applications/" + this.ownApplication, "/portal/documents/" + this.ownDocument)) {
			HttpResponse<String> response = other.get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).doesNotContain("天津海河");
			walked++;
		}
		// uploads to another client's application: 404, nothing stored
		assertThat(api("client2")
			.postFile("/api/client/applications/" + this.ownApplication + "/documents",
					Map.of("type", "BUSINESS_LICENSE"), "x.pdf", "application/pdf",
					"%PDF-1.4 x".getBytes(StandardCharsets.UTF_8), false)
			.statusCode()).isEqualTo(404);
		assertThat(api("client2")
			.postFile("/api/client/certificates/" + this.ownCertificate + "/documents",
					Map.of("type", "BUSINESS_LICENSE"), "x.pdf", "application/pdf",
					"%PDF-1.4 x".getBytes(StandardCharsets.UTF_8), false)
			.statusCode()).isEqualTo(404);
		other.get("/portal/");
		assertThat(other
			.postFile("/portal/applications/" + this.ownApplication + "/documents", Map.of("type", "BUSINESS_LICENSE"),
					"x.pdf", "application/pdf", "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8), true)
			.statusCode()).isEqualTo(404);
		walked += 3;
		// lists: only one's own
		assertThat(other.get("/portal/").body()).contains(this.otherApplication)
			.doesNotContain(this.ownApplication)
			.doesNotContain(this.ownCertificate);
		assertThat(other.get("/portal/notices").body()).doesNotContain(this.ownApplication);
		assertThat(api("client2").get("/api/client/certificates").body()).isEqualTo("[]");
		assertThat(DatabaseSnapshot.take(this.jdbc)).as("nothing changed").isEqualTo(before);
		assertThat(walked).isEqualTo(13);
	}

	@Test
	@DisplayName("issue 18: a client account is refused on every staff /api path (but the public lookup), /engine-rest and the webapps")
	void shouldKeepClientAccountsOutOfEverythingButThePortal() {
		List<String> refused = new ArrayList<>();
		List<String> passed = new ArrayList<>();
		for (RequestMappingInfo info : this.mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/") || pattern.startsWith("/api/client")) {
					continue;
				}
				String path = pattern.replaceAll("\\{[^}]+}", "1");
				for (RequestMethod method : info.getMethodsCondition().getMethods().isEmpty()
						? java.util.Set.of(RequestMethod.GET) : info.getMethodsCondition().getMethods()) {
					HttpResponse<String> response = method == RequestMethod.GET ? api("client").get(path)
							: api("client").postJson(path, "{}");
					boolean publicLookup = method == RequestMethod.GET && pattern.equals("/api/certificates/{number}");
					if (!publicLookup) {
						(response.statusCode() == 403 ? refused : passed)
							.add(method + " " + path + " " + response.statusCode());
					}
				}
			}
		}
		assertThat(passed).as("staff paths a client account got past").isEmpty();
		assertThat(refused).hasSizeGreaterThan(20);
		assertThat(api("client").get("/api/certificates/" + this.ownCertificate).statusCode())
			.as("the public lookup stays public")
			.isEqualTo(200);
		for (String path : List.of("/engine-rest/process-definition", "/engine-rest/task", "/engine-rest/user",
				"/engine-rest/engine")) {
			assertThat(api("client").get(path).statusCode()).as(path).isEqualTo(403);
		}
		for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
			PortalBrowser browser = new PortalBrowser(this.port);
			HttpResponse<String> login = browser.post("/camunda/api/admin/auth/user/default/login/" + app,
					Map.of("username", "client", "password", "client", "_csrf", ""));
			assertThat(login.statusCode()).as(app + " login").isIn(401, 403);
			assertThat(browser.get("/camunda/api/engine/engine/default/task").statusCode()).as(app + " then tasks")
				.isIn(401, 403);
		}
	}

	@Test
	@DisplayName("issue 18: staff get 403 on /api/client and on the portal; strangers 401 and the login page")
	void shouldKeepStaffAndStrangersOutOfTheClientSide() {
		for (String user : List.of("reviewer", "admin", "manager")) {
			assertThat(api(user).get("/api/client/applications").statusCode()).as(user).isEqualTo(403);
			assertThat(api(user).get("/api/client/documents/" + this.ownDocument).statusCode()).as(user).isEqualTo(403);
			assertThat(api(user).get("/portal/").statusCode()).as(user).isEqualTo(403);
			assertThat(api(user).get("/portal/applications/" + this.ownApplication).statusCode()).as(user)
				.isEqualTo(403);
			assertThat(new PortalBrowser(this.port).signIn(user, user).statusCode()).as(user + " portal login")
				.isEqualTo(401);
		}
		PortalBrowser stranger = new PortalBrowser(this.port);
		assertThat(stranger.get("/api/client/applications").statusCode()).isEqualTo(401);
		for (String page : List.of("/portal/", "/portal/applications/" + this.ownApplication,
				"/portal/documents/" + this.ownDocument, "/portal/certificates/" + this.ownCertificate,
				"/portal/notices", "/portal/apply")) {
			HttpResponse<String> response = stranger.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).as(page).endsWith("/portal/login");
		}
	}

	@Test
	@DisplayName("issue 18: portal login with CSRF and a SameSite session cookie; wrong passwords refused; logout")
	void shouldSignInToThePortalWithCsrfAndSameSite() {
		PortalBrowser browser = new PortalBrowser(this.port);
		HttpResponse<String> page = browser.get("/portal/login");
		assertThat(page.body()).contains("客户门户登录").contains("name=\"_csrf\"");
		assertThat(browser.post("/portal/login", Map.of("username", "client", "password", "client", "_csrf", "forged"))
			.statusCode()).as("no valid CSRF token").isEqualTo(403);
		assertThat(browser.post("/portal/login", Map.of("username", "client", "password", "wrong")).statusCode())
			.isEqualTo(401);
		HttpResponse<String> login = browser.post("/portal/login", Map.of("username", "client", "password", "client"));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("SameSite=Lax"));
		HttpResponse<String> home = browser.get("/portal/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("天津海河家电售后服务有限公司").contains(this.ownCertificate);
		assertThat(browser.get("/portal/apply").body()).contains("申请初次认证").contains("_csrf");
		assertThat(browser.get("/portal/notices").body()).contains("证书颁发");
		assertThat(browser.get("/portal/certificates/" + this.ownCertificate).body()).contains("下载证书 PDF")
			.contains("/verify.html?number=");
		assertThat(browser.get("/portal/applications/" + this.ownApplication).body()).contains("还缺少以下必交文件")
			.contains("营业执照.pdf");
		assertThat(browser.post("/portal/logout", Map.of()).statusCode()).isEqualTo(302);
		assertThat(browser.get("/portal/").statusCode()).isEqualTo(302);
	}

	@Autowired
	ClientAccounts accounts;

	@Test
	@DisplayName("issue 18: a reviewer opens an account; the one-time link sets a password under the policy, once")
	void shouldSetThePasswordOnceThroughTheLink() {
		PortalBrowser reviewer = new PortalBrowser(this.port).withBasic("reviewer", "reviewer");
		HttpResponse<String> page = reviewer.get("/staff/clients/" + DemoClientAccounts.BEIJING + "/accounts");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("client2");
		HttpResponse<String> created = reviewer.post("/staff/clients/" + DemoClientAccounts.BEIJING + "/accounts",
				Map.of("userId", "zhaojl", "email", "zhao@zgc.example", "name", "赵经理"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		java.util.regex.Matcher link = java.util.regex.Pattern.compile("/portal/password\\?token=([A-Za-z0-9_-]+)")
			.matcher(created.body());
		assertThat(link.find()).as("the link is shown to the reviewer without mail").isTrue();
		String token = link.group(1);
		assertThat(this.jdbc.sql("select count(*) from client_account_link where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).as("the token itself is not stored").isZero();
		assertThat(new PortalBrowser(this.port).withBasic("auditor", "auditor")
			.get("/staff/clients/" + DemoClientAccounts.BEIJING + "/accounts")
			.statusCode()).isEqualTo(403);
		PortalBrowser client = new PortalBrowser(this.port);
		assertThat(client.get("/portal/password?token=" + token).body()).contains("zhaojl");
		assertThat(client.post("/portal/password", Map.of("token", token, "password", "short", "repeated", "short"))
			.statusCode()).isEqualTo(400);
		assertThat(client
			.post("/portal/password",
					Map.of("token", token, "password", "Gut-Genug-2026", "repeated", "Gut-Genug-2026"))
			.statusCode()).isEqualTo(200);
		assertThat(client
			.post("/portal/password",
					Map.of("token", token, "password", "Noch-Einmal-2026", "repeated", "Noch-Einmal-2026"))
			.statusCode()).as("the link works once").isEqualTo(400);
		assertThat(new PortalBrowser(this.port).signIn("zhaojl", "Gut-Genug-2026").statusCode()).isEqualTo(302);
		assertThat(new PortalBrowser(this.port).withBasic("zhaojl", "Gut-Genug-2026")
			.get("/api/client/applications")
			.body()).contains(this.otherApplication).doesNotContain(this.ownApplication);
	}

	@Test
	@DisplayName("issue 18: the OpenAPI document lists the staff API and the client API")
	void shouldServeTheOpenApiDocument() {
		HttpResponse<String> docs = new PortalBrowser(this.port).get("/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/client/applications")
			.contains("/api/client/documents/{id}")
			.contains("/api/applications");
	}

}
