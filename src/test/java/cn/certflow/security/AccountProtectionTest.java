package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.certflow.support.TestAccounts;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.junit.jupiter.api.BeforeEach;
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
 * Issue 15 point 3, over HTTP from several source addresses (127.0.0.x): a stranger's
 * wrong passwords slow the stranger down and never lock the owner out (Camunda locked any
 * account for good after ten), on the REST API and the webapp login alike; an
 * administrator lifts a delay with "unlock user"; Camunda's password policy refuses weak
 * passwords with 400 in Chinese; a password stored with Camunda's default SHA-512 hash
 * still works and is hashed anew with PBKDF2 at its owner's next login. Each test uses
 * source addresses of its own: the throttle remembers them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AccountProtectionTest {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identity;

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void defaultEngine() {
		// the REST API and the webapps look the engine up by name; another test context
		// may have registered its own
		ProcessEngines.registerProcessEngine(this.engine);
	}

	@Test
	void shouldNotLetAStrangersTwentyWrongPasswordsStopTheOwnerOfTheRestApi() throws Exception {
		String owner = user("owner-rest", "Owner-Passw0rd!");
		HttpFrom stranger = new HttpFrom("127.0.0.2", this.port);

		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(stranger.get("/engine-rest/task", owner, "guess-" + i).status());
		}

		assertThat(answers.subList(0, 6)).as("five free failures, the sixth blocks").containsOnly(401);
		assertThat(answers.get(6)).as("then the stranger waits").isEqualTo(429);
		assertThat(answers).as("a guess more each time a delay (1 s, 2 s, …) has run out, no more")
			.containsOnly(401, 429)
			.filteredOn(status -> status == 401)
			.hasSizeLessThanOrEqualTo(9);
		HttpFrom.Response refused = stranger.get("/engine-rest/task", owner, "Owner-Passw0rd!");
		assertThat(refused.status()).as("not even the right password is tried from there now").isEqualTo(429);
		assertThat(refused.header("Retry-After")).matches("[1-9][0-9]*");
		assertThat(refused.body()).contains("登录失败次数过多", "秒后再试");
		assertThat(new HttpFrom("127.0.0.3", this.port).get("/engine-rest/task", owner, "Owner-Passw0rd!").status())
			.as("the owner, from another address, at once")
			.isEqualTo(200);
		assertThat(new HttpFrom("127.0.0.3", this.port)
			.get("/api/certificates/PCEC-1900-000001/history", owner, "Owner-Passw0rd!")
			.status()).as("our API too (logged in; no such certificate)").isEqualTo(404);
	}

	@Test
	void shouldNotLetAStrangersTwentyWrongPasswordsStopTheOwnerOfTheWebapps() throws Exception {
		String owner = user("owner-web", "Owner-Passw0rd!");

		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			answers.add(new HttpFrom("127.0.0.4", this.port).webappLogin(owner, "guess-" + i).status());
		}

		assertThat(answers.subList(0, 6)).containsOnly(401);
		assertThat(answers.get(6)).isEqualTo(429);
		assertThat(answers).containsOnly(401, 429).filteredOn(status -> status == 401).hasSizeLessThanOrEqualTo(9);
		assertThat(new HttpFrom("127.0.0.5", this.port).webappLogin(owner, "Owner-Passw0rd!").status())
			.as("the owner logs into Tasklist from another address")
			.isEqualTo(200);
		assertThat(this.identity.createUserQuery().userId(owner).singleResult()).isNotNull();
	}

	@Test
	void shouldMakeTheAttackersAddressWaitLongerWithEveryFurtherFailure() throws Exception {
		String owner = user("owner-slow", "Owner-Passw0rd!");
		HttpFrom attacker = new HttpFrom("127.0.0.6", this.port);
		for (int i = 0; i < 6; i++) {
			assertThat(attacker.get("/engine-rest/task", owner, "guess").status()).isEqualTo(401);
		}
		HttpFrom.Response first = attacker.get("/engine-rest/task", owner, "guess");
		assertThat(first.status()).isEqualTo(429);
		assertThat(first.header("Retry-After")).isEqualTo("1");

		Thread.sleep(1100);
		assertThat(attacker.get("/engine-rest/task", owner, "guess").status()).isEqualTo(401);
		HttpFrom.Response second = attacker.get("/engine-rest/task", owner, "guess");
		assertThat(second.status()).isEqualTo(429);
		assertThat(second.header("Retry-After")).as("the delay doubled").isEqualTo("2");

		// the source as a whole: twenty failures on any accounts, then every account from
		// it waits
		HttpFrom sprayer = new HttpFrom("127.0.0.7", this.port);
		for (int i = 0; i < 21; i++) {
			assertThat(sprayer.get("/engine-rest/task", "someone-" + i, "guess").status()).isEqualTo(401);
		}
		assertThat(sprayer.get("/engine-rest/task", "reviewer", "reviewer").status()).isEqualTo(429);
		assertThat(new HttpFrom("127.0.0.8", this.port).get("/engine-rest/task", "reviewer", "reviewer").status())
			.isEqualTo(200);
	}

	@Test
	void shouldLiftTheDelayWhenAnAdministratorUnlocksTheAccount() throws Exception {
		String owner = user("owner-unlock", "Owner-Passw0rd!");
		// the owner's own typos, from the office's one address
		HttpFrom office = new HttpFrom("127.0.0.9", this.port);
		for (int i = 0; i < 6; i++) {
			office.get("/engine-rest/task", owner, "typo-" + i);
		}
		assertThat(office.get("/engine-rest/task", owner, "Owner-Passw0rd!").status()).isEqualTo(429);

		ResponseEntity<String> unlock = this.http.withBasicAuth("admin", "admin")
			.postForEntity("/engine-rest/user/" + owner + "/unlock", null, String.class);
		assertThat(unlock.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(office.get("/engine-rest/task", owner, "Owner-Passw0rd!").status()).isEqualTo(200);

		ResponseEntity<String> notAdmin = this.http.withBasicAuth("reviewer", "reviewer")
			.postForEntity("/engine-rest/user/" + owner + "/unlock", null, String.class);
		assertThat(notAdmin.getStatusCode()).as("only administrators unlock").isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldRefuseAWeakPasswordWith400InChinese() {
		ResponseEntity<String> weak = createUser("weak-user", "password");
		assertThat(weak.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(weak.getBody()).contains("password", "密码不符合密码策略", "至少 10 个字符");
		assertThat(this.identity.createUserQuery().userId("weak-user").count()).isZero();
		assertThat(createUser("weak-user", "weak-user-Passw0rd").getStatusCode()).as("contains the user id")
			.isEqualTo(HttpStatus.BAD_REQUEST);

		assertThat(createUser("strong-user", "Kx7#vQ2-ripe-Lamp").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		ResponseEntity<String> change = exchange("admin", HttpMethod.PUT, "/engine-rest/user/strong-user/credentials",
				Map.of("password", "lamp", "authenticatedUserPassword", "admin"));
		assertThat(change.getStatusCode()).as("a weak new password").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.identity.checkPassword("strong-user", "Kx7#vQ2-ripe-Lamp")).isTrue();
		assertThat(this.identity.getPasswordPolicy()).as("shown by Admin when creating a user").isNotNull();
	}

	@Test
	void shouldAcceptACamundaSha512HashAndUpgradeItToPbkdf2AtTheNextLogin() throws Exception {
		String id = user("legacy-user", "Legacy-Passw0rd!");
		String salt = "bGVnYWN5LXNhbHQtMTIzNA==";
		String sha512 = "{SHA-512}" + new Sha512HashDigest().encrypt("Legacy-Passw0rd!" + salt);
		this.jdbc.sql("update ACT_ID_USER set PWD_ = ?, SALT_ = ? where ID_ = ?").params(sha512, salt, id).update();

		assertThat(new HttpFrom("127.0.0.10", this.port).get("/engine-rest/task", id, "Legacy-Passw0rd!").status())
			.isEqualTo(200);

		String stored = this.jdbc.sql("select PWD_ from ACT_ID_USER where ID_ = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("{PBKDF2-SHA256}1000$").doesNotContain("Legacy");
		assertThat(this.jdbc.sql("select SALT_ from ACT_ID_USER where ID_ = ?").param(id).query(String.class).single())
			.isNotEqualTo(salt);
		assertThat(new HttpFrom("127.0.0.10", this.port).webappLogin(id, "Legacy-Passw0rd!").status()).isEqualTo(200);
		assertThat(this.identity.checkPassword(id, "Legacy-Passw0rd?")).isFalse();
	}

	@Test
	void shouldHashEveryNewPasswordWithPbkdf2() {
		assertThat(this.jdbc.sql("select PWD_ from ACT_ID_USER where ID_ = 'reviewer'").query(String.class).single())
			.startsWith("{PBKDF2-SHA256}");
	}

	@Test
	void shouldCloseCamundasPasswordCheckEndpoint() {
		// any logged-in user could otherwise test any other user's password there, past
		// the throttle
		ResponseEntity<String> verify = exchange("reviewer", HttpMethod.POST, "/engine-rest/identity/verify",
				Map.of("username", "admin", "password", "admin"));
		assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(verify.getBody()).contains("不提供密码校验接口").doesNotContain("authenticated");
	}

	private String user(String id, String password) {
		return TestAccounts.create(this.identity, id, password, "Gerda", "Tester", Groups.REVIEWERS);
	}

	private ResponseEntity<String> createUser(String id, String password) {
		return exchange("admin", HttpMethod.POST, "/engine-rest/user/create", Map.of("profile",
				Map.of("id", id, "firstName", "Frieda", "lastName", "Lindqvist", "email", id + "@certflow.example"),
				"credentials", Map.of("password", password)));
	}

	private ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.withBasicAuth(user, user)
			.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

}
