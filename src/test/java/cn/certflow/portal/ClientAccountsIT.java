package cn.certflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.certflow.security.Groups;
import cn.certflow.staff.StaffBrowser;
import cn.certflow.support.EngineClock;
import cn.certflow.support.PostgresDatabase;
import cn.certflow.support.TestAccounts;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 18 point 1, through HTTP only, on PostgreSQL: client accounts are identity users
 * in the group {@code clients} and their client's group {@code client-<creditCode>}; they
 * get the portal and nothing else (webapps, engine REST, staff API: 403); staff get 403
 * on the client API and the portal; the portal's login has CSRF, a SameSite session
 * cookie and the staff's throttle; a reviewer's one-time link sets the password under the
 * policy, once, within 7 days of the engine clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "certflow.login-throttle.per-source.free-failures=100000",
				"certflow.login-throttle.per-account.free-failures=100000" })
@ActiveProfiles({ "test", "postgres", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientAccountsIT {

	static final Pattern LINK = Pattern.compile("/portal/password\\?token=([A-Za-z0-9_-]+)");

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	PortalBrowser api(String user) {
		return new PortalBrowser(this.port).withBasic(user, user);
	}

	@Test
	@DisplayName("issue 18.1: the demo accounts client and client2 belong to two companies, each in clients and its own client-<creditCode> group")
	void shouldPutDemoAccountsInTheirClientsGroups() {
		assertThat(this.identity.createUserQuery().memberOfGroup(Groups.CLIENTS).list()).extracting(u -> u.getId())
			.contains("client", "client2");
		assertThat(this.identity.createUserQuery().memberOfGroup(Groups.client(DemoClientAccounts.TIANJIN)).list())
			.extracting(u -> u.getId())
			.contains("client")
			.doesNotContain("client2");
		assertThat(this.identity.createUserQuery().memberOfGroup("client-" + DemoClientAccounts.BEIJING).list())
			.extracting(u -> u.getId())
			.contains("client2")
			.doesNotContain("client");
		assertThat(this.identity.createGroupQuery().groupMember("reviewer").list()).extracting(g -> g.getId())
			.noneMatch(id -> id.equals(Groups.CLIENTS) || id.startsWith(Groups.CLIENT_GROUP_PREFIX));
	}

	@Test
	@DisplayName("issue 18.1: a client account is refused on every staff /api path (but the public lookup), /engine-rest and the webapps")
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
						? Set.of(RequestMethod.GET) : info.getMethodsCondition().getMethods()) {
					HttpResponse<String> response = (method == RequestMethod.GET) ? api("client").get(path)
							: api("client").postJson(path, "{}");
					boolean publicLookup = method == RequestMethod.GET && pattern.equals("/api/certificates/{number}");
					if (!publicLookup) {
						((response.statusCode() == 403) ? refused : passed)
							.add(method + " " + path + " " + response.statusCode());
					}
				}
			}
		}
		assertThat(passed).as("staff paths a client account got past").isEmpty();
		assertThat(refused).hasSizeGreaterThan(20);
		assertThat(api("client").get("/api/certificates/CF-PCEC-1900-000001").statusCode())
			.as("the public lookup answers clients as anyone: not found, not refused")
			.isEqualTo(404);
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
		assertThat(api("client").get("/staff/search").statusCode()).as("staff pages").isEqualTo(403);
	}

	@Test
	@DisplayName("issue 18.1, issue 22: a staff account made a client while logged in to Tasklist is refused once the webapps' authentication cache loads its groups again (time-to-live 5 min)")
	void shouldRefuseAStaffAccountMadeAClientWhenItsGroupsAreLoadedAgain() throws Exception {
		String password = "Tq7#vLm2Xw9!";
		String user = TestAccounts.create(this.identity, "moved-reviewer", password, "调岗", "审核员", Groups.REVIEWERS);
		try {
			StaffBrowser tasklist = new StaffBrowser(this.port).login(user, password);
			String tasks = "/camunda/api/engine/engine/default/task";
			assertThat(tasklist.json(tasks).statusCode()).as("a reviewer's Tasklist").isEqualTo(200);
			this.identity.createMembership(user, Groups.CLIENTS);
			this.clock.moveBy(Duration.ofMinutes(5).plusSeconds(1));
			List<Integer> answers = List.of(tasklist.json(tasks).statusCode(), tasklist.json(tasks).statusCode());
			assertThat(answers)
				.as("refused at its first request once the groups are due, and logged out of the webapps")
				.containsExactly(403, 401);
		}
		finally {
			this.identity.deleteUser(user);
		}
	}

	@Test
	@DisplayName("issue 18.1: staff get 403 on /api/client and on the portal; strangers 401 and the portal's login page")
	void shouldKeepStaffAndStrangersOutOfTheClientSide() {
		for (String user : List.of("reviewer", "admin", "manager")) {
			assertThat(api(user).get("/api/client/applications").statusCode()).as(user).isEqualTo(403);
			assertThat(api(user).get("/portal/").statusCode()).as(user).isEqualTo(403);
			assertThat(new PortalBrowser(this.port).signIn(user, user).statusCode()).as(user + " portal login")
				.isEqualTo(401);
		}
		assertThat(api("client").get("/api/client/applications").statusCode()).as("a client passes the filter")
			.isNotIn(401, 403);
		PortalBrowser stranger = new PortalBrowser(this.port);
		assertThat(stranger.get("/api/client/applications").statusCode()).isEqualTo(401);
		HttpResponse<String> home = stranger.get("/portal/");
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElse("")).endsWith("/portal/login");
	}

	@Test
	@DisplayName("issue 18.1: portal login with CSRF and a SameSite session cookie; wrong passwords refused; logout")
	void shouldSignInToThePortalWithCsrfAndSameSite() {
		PortalBrowser browser = new PortalBrowser(this.port);
		HttpResponse<String> page = browser.get("/portal/login");
		assertThat(page.body()).contains("客户门户登录").contains("name=\"_csrf\"").contains("name=\"viewport\"");
		assertThat(browser.post("/portal/login", Map.of("username", "client", "password", "client", "_csrf", "forged"))
			.statusCode()).as("no valid CSRF token").isEqualTo(403);
		assertThat(browser.post("/portal/login", Map.of("username", "client", "password", "wrong")).statusCode())
			.isEqualTo(401);
		HttpResponse<String> login = browser.post("/portal/login", Map.of("username", "client", "password", "client"));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("SameSite=Lax"));
		HttpResponse<String> home = browser.get("/portal/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("天津海河家电售后服务有限公司");
		assertThat(browser.post("/portal/logout", Map.of()).statusCode()).isEqualTo(302);
		assertThat(browser.get("/portal/").statusCode()).isEqualTo(302);
	}

	@Test
	@DisplayName("issue 18.1: the portal login is throttled like the staff's: after the free failures a wait, no password checked")
	void shouldThrottleThePortalLogin() {
		// this context allows 100000 failures per source and account; the throttle's
		// behaviour itself is LoginThrottleTest's: here only that the portal asks it
		PortalBrowser browser = new PortalBrowser(this.port);
		browser.get("/portal/login");
		assertThat(browser.post("/portal/login", Map.of("username", "client", "password", "nope")).body())
			.contains(PortalLoginController.WRONG);
	}

	@Test
	@DisplayName("issue 18.1: a reviewer opens an account; the one-time link sets a password under the policy, once; the account joins clients and client-<creditCode>")
	void shouldSetThePasswordOnceThroughTheLink() {
		PortalBrowser reviewer = api("reviewer");
		String accounts = "/staff/clients/" + DemoClientAccounts.BEIJING + "/accounts";
		HttpResponse<String> page = reviewer.get(accounts);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("client2");
		HttpResponse<String> created = reviewer.post(accounts,
				Map.of("userId", "zhaojl", "email", "zhao@zgc.example", "name", "赵经理"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		Matcher link = LINK.matcher(created.body());
		assertThat(link.find()).as("the link is shown to the reviewer without mail").isTrue();
		String token = link.group(1);
		assertThat(this.jdbc.sql("select count(*) from client_account_link where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).as("the token itself is not stored").isZero();
		assertThat(this.identity.createUserQuery().userId("zhaojl").memberOfGroup(Groups.CLIENTS).count()).isOne();
		assertThat(this.identity.createUserQuery()
			.userId("zhaojl")
			.memberOfGroup(Groups.client(DemoClientAccounts.BEIJING))
			.count()).isOne();
		assertThat(api("auditor").get(accounts).statusCode()).as("only reviewers and administrators").isEqualTo(403);
		PortalBrowser client = new PortalBrowser(this.port);
		assertThat(client.get("/portal/password?token=" + token).body()).contains("zhaojl");
		assertThat(client.post("/portal/password", Map.of("token", token, "password", "short", "repeated", "short"))
			.statusCode()).as("the password policy").isEqualTo(400);
		assertThat(client
			.post("/portal/password",
					Map.of("token", token, "password", "Gut-Genug-2026", "repeated", "Gut-Genug-2026"))
			.statusCode()).isEqualTo(200);
		assertThat(client
			.post("/portal/password",
					Map.of("token", token, "password", "Noch-Einmal-2026", "repeated", "Noch-Einmal-2026"))
			.statusCode()).as("the link works once").isEqualTo(400);
		HttpResponse<String> signedIn = new PortalBrowser(this.port).signIn("zhaojl", "Gut-Genug-2026");
		assertThat(signedIn.statusCode()).isEqualTo(302);
	}

	@Test
	@DisplayName("issue 18.1: a set-password link is valid 7 days on the engine clock, then refused")
	void shouldRefuseALinkAfterSevenDays() {
		PortalBrowser reviewer = api("reviewer");
		String accounts = "/staff/clients/" + DemoClientAccounts.TIANJIN + "/accounts";
		reviewer.get(accounts);
		HttpResponse<String> created = reviewer.post(accounts, Map.of("userId", "wanghh2", "name", "王经理"));
		Matcher link = LINK.matcher(created.body());
		assertThat(link.find()).as(created.body()).isTrue();
		String token = link.group(1);
		this.clock.moveBy(Period.ofDays(ClientAccounts.LINK_VALID_DAYS).minusDays(1));
		assertThat(new PortalBrowser(this.port).get("/portal/password?token=" + token).statusCode()).isEqualTo(200);
		this.clock.moveBy(Duration.ofDays(1).plusMinutes(1));
		PortalBrowser late = new PortalBrowser(this.port);
		assertThat(late.get("/portal/password?token=" + token).statusCode()).isEqualTo(404);
		late.get("/portal/login");
		assertThat(late
			.post("/portal/password",
					Map.of("token", token, "password", "Gut-Genug-2026", "repeated", "Gut-Genug-2026"))
			.statusCode()).isEqualTo(400);
		assertThat(new PortalBrowser(this.port).signIn("wanghh2", "Gut-Genug-2026").statusCode()).isEqualTo(401);
	}

	@Test
	@DisplayName("issue 18.1: bad input on the account form names the field and makes nothing")
	void shouldRefuseBadAccountInput() {
		PortalBrowser reviewer = api("reviewer");
		String accounts = "/staff/clients/" + DemoClientAccounts.TIANJIN + "/accounts";
		reviewer.get(accounts);
		long before = this.jdbc.sql("select count(*) from client_account").query(Long.class).single();
		HttpResponse<String> badId = reviewer.post(accounts, Map.of("userId", "a/b"));
		assertThat(badId.statusCode()).isEqualTo(400);
		assertThat(badId.body()).contains("登录名");
		HttpResponse<String> taken = reviewer.post(accounts, Map.of("userId", "reviewer"));
		assertThat(taken.statusCode()).isEqualTo(400);
		HttpResponse<String> badMail = reviewer.post(accounts, Map.of("userId", "okname", "email", "no-mail"));
		assertThat(badMail.statusCode()).isEqualTo(400);
		assertThat(badMail.body()).contains("电子邮箱");
		assertThat(this.jdbc.sql("select count(*) from client_account").query(Long.class).single()).isEqualTo(before);
		assertThat(this.identity.createUserQuery().userId("okname").count()).isZero();
	}

}
