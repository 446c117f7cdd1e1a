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

import cn.certflow.application.CertificationDriver;
import cn.certflow.support.PostgresDatabase;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 6: the webapps (Tasklist, Cockpit, Admin) keep Camunda's CSRF protection and its
 * security headers, let each group into its own apps only, and Cockpit is read-only for
 * managers. Driven like a browser: a session cookie, the XSRF token the server hands out,
 * form login, then the webapps' own REST API under {@code /camunda/api}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "postgres", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebappSecurityIT {

	private static final String ENGINE_API = "/camunda/api/engine/engine/default";

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	RuntimeService runtime;

	@Autowired
	CertificationDriver driver;

	@Test
	void shouldRefuseAStateChangeWithoutTheCsrfToken() throws Exception {
		// even the login form needs the token (no login CSRF)
		Browser browser = new Browser();
		browser.open();
		assertThat(browser.login("admin", "admin", "admin", false).statusCode()).isEqualTo(403);
		assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).as("not logged in")
			.isNotEqualTo(200);

		browser = new Browser();
		browser.open();
		assertThat(browser.login("admin", "admin", "admin", true).statusCode()).isEqualTo(200);
		String user = "{\"profile\":{\"id\":\"csrf-probe\",\"firstName\":\"Carla\",\"lastName\":\"Probst\","
				+ "\"email\":\"c@p.example\"}," + "\"credentials\":{\"password\":\"Kx7#vQ2-ripe-Lamp\"}}";
		HttpResponse<String> forged = browser.post(ENGINE_API + "/user/create", user, "application/json", false);
		assertThat(forged.statusCode()).as("admin session, no X-XSRF-TOKEN").isEqualTo(403);
		assertThat(forged.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
		assertThat(this.identity.createUserQuery().userId("csrf-probe").count()).isZero();

		// a refused request ends the session: log in again, this time sending the token
		browser = new Browser();
		browser.open();
		assertThat(browser.login("admin", "admin", "admin", true).statusCode()).isEqualTo(200);
		assertThat(browser.post(ENGINE_API + "/user/create", user, "application/json", true).statusCode())
			.isEqualTo(204);
		assertThat(this.identity.createUserQuery().userId("csrf-probe").count()).isOne();
		this.identity.deleteUser("csrf-probe");

		browser.token = "0123456789ABCDEF0123456789ABCDEF";
		assertThat(browser.post(ENGINE_API + "/user/create", user, "application/json", true).statusCode())
			.as("a made-up token")
			.isEqualTo(403);
		assertThat(this.identity.createUserQuery().userId("csrf-probe").count()).isZero();
	}

	@Test
	void shouldLetEachGroupIntoItsOwnWebappsOnly() throws Exception {
		assertThat(loginStatus("reviewer", "tasklist")).isEqualTo(200);
		assertThat(loginStatus("reviewer", "cockpit")).isEqualTo(403);
		assertThat(loginStatus("reviewer", "admin")).isEqualTo(403);
		assertThat(loginStatus("manager", "cockpit")).isEqualTo(200);
		assertThat(loginStatus("manager", "admin")).isEqualTo(403);
		assertThat(loginStatus("quality", "cockpit")).isEqualTo(200);
		assertThat(loginStatus("admin", "admin")).isEqualTo(200);
		assertThat(loginStatus("reviewer", "wrong")).isIn(401, 403, 404);
		Browser stranger = new Browser();
		stranger.open();
		assertThat(stranger.get(ENGINE_API + "/task").statusCode()).as("webapp API without a session").isEqualTo(401);
	}

	@Test
	void shouldKeepCockpitReadOnlyForManagers() throws Exception {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		String instance = this.driver.instance(number).getId();
		Browser manager = new Browser();
		manager.open();
		assertThat(manager.login("manager", "manager", "cockpit", true).statusCode()).isEqualTo(200);

		assertThat(manager.get(ENGINE_API + "/process-instance?businessKey=" + number).body()).contains(instance);
		// refused by Camunda's authorization (an AuthorizationException), not by a
		// missing token
		assertThat(manager.put(ENGINE_API + "/process-instance/" + instance + "/suspended", "{\"suspended\":true}"))
			.as("suspend from Cockpit")
			.satisfies(WebappSecurityIT::refusedByAuthorization);
		assertThat(manager.post(ENGINE_API + "/process-instance/" + instance + "/variables",
				"{\"modifications\":{\"schemeId\":{\"value\":\"CQM\"}}}", "application/json", true))
			.as("edit a variable from Cockpit")
			.satisfies(WebappSecurityIT::refusedByAuthorization);
		assertThat(manager.delete(ENGINE_API + "/process-instance/" + instance)).as("cancel from Cockpit")
			.satisfies(WebappSecurityIT::refusedByAuthorization);
		assertThat(manager.get(ENGINE_API + "/process-instance/" + instance).statusCode()).as("session still valid")
			.isEqualTo(200);
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
		assertThat(this.runtime.getVariable(instance, "schemeId")).isEqualTo("PCEC");
	}

	@Test
	void shouldSendTheWebappSecurityHeaders() throws Exception {
		HttpResponse<String> page = new Browser().get("/camunda/app/cockpit/default/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
		assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="))
			.allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite"));
	}

	private static void refusedByAuthorization(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("AuthorizationException");
	}

	private int loginStatus(String user, String app) throws Exception {
		Browser browser = new Browser();
		browser.open();
		return browser.login(user, user, app, true).statusCode();
	}

	/**
	 * A browser's view of the webapps: its cookies and the XSRF token from the last
	 * response that carried one.
	 */
	final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.build();

		String token;

		void open() throws IOException, InterruptedException {
			assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
			assertThat(this.token).as("XSRF token handed out").isNotBlank();
		}

		HttpResponse<String> login(String user, String password, String app, boolean withToken)
				throws IOException, InterruptedException {
			String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8);
			HttpResponse<String> response = post("/camunda/api/admin/auth/user/default/login/" + app, form,
					"application/x-www-form-urlencoded", withToken);
			if (response.statusCode() == 200) {
				// the login starts a new session (no session fixation), which gets a
				// token of its own
				assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
			}
			return response;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(request(path).GET());
		}

		HttpResponse<String> post(String path, String body, String contentType, boolean withToken)
				throws IOException, InterruptedException {
			HttpRequest.Builder request = request(path).header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (withToken) {
				request.header("X-XSRF-TOKEN", this.token);
			}
			return send(request);
		}

		HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
			return send(request(path).header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", this.token)
				.PUT(HttpRequest.BodyPublishers.ofString(body)));
		}

		HttpResponse<String> delete(String path) throws IOException, InterruptedException {
			return send(request(path).header("X-XSRF-TOKEN", this.token).DELETE());
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://localhost:" + WebappSecurityIT.this.port + path))
				.header("Accept", "application/json, text/html");
		}

		private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers()
				.firstValue("X-XSRF-TOKEN")
				.filter(t -> !"Required".equals(t))
				.ifPresent(t -> this.token = t);
			return response;
		}

	}

	// =================================================================================================================
	// Issue 15.4 (branch sec-access): managers comment on no task from Tasklist either.
	// Appended as one block.
	// =================================================================================================================

	@Autowired
	org.camunda.bpm.engine.TaskService tasks;

	/**
	 * The same engine check as through /engine-rest (ApiSecurityIT): a manager, who sees
	 * every task in Tasklist, writes no comment on one. Tasklist's API answers the
	 * refusal with Camunda's wrapping 400; nothing is written.
	 */
	@Test
	void shouldLetNoManagerCommentOnATaskFromTasklist_issue15_4() throws Exception {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		String taskId = this.driver
			.task(number, cn.certflow.application.InitialCertification.Elements.REVIEW_APPLICATION)
			.getId();
		Browser manager = new Browser();
		manager.open();
		assertThat(manager.login("manager", "manager", "tasklist", true).statusCode()).isEqualTo(200);
		assertThat(manager.get(ENGINE_API + "/task/" + taskId).statusCode()).as("sees the task").isEqualTo(200);

		HttpResponse<String> comment = manager.post(ENGINE_API + "/task/" + taskId + "/comment/create",
				"{\"message\":\"请尽快处理\"}", "application/json", true);

		assertThat(comment.statusCode()).as(comment.body()).isIn(400, 403);
		assertThat(this.tasks.getTaskComments(taskId)).isEmpty();
	}

}
