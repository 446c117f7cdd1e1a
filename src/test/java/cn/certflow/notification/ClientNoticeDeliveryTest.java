package cn.certflow.notification;

import static cn.certflow.application.InitialCertification.Elements.APPLICATION_REJECTED;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATE_ISSUED;
import static cn.certflow.application.InitialCertification.Elements.CERTIFICATION_DECISION;
import static cn.certflow.application.InitialCertification.Elements.NOTIFY_REJECTION;
import static cn.certflow.application.InitialCertification.Elements.REVIEW_APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.support.EngineClock;
import cn.certflow.system.InvalidInputException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notices to the client by e-mail, against a real SMTP server (GreenMail): sent with who
 * and when; a mail server outage retried with backoff (1, 5, 30 minutes), then an
 * incident as Cockpit shows it; setting the job's retries resolves it and the process
 * ends (R-APP-3, R-DEC-2, R-CERT-1; issue 6).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class ClientNoticeDeliveryTest {

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	static final int SMTP_PORT = freePort();

	static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("certflow.mail.from", () -> "certification@certflow.test");
		registry.add("certflow.node-name", () -> "node-test");
	}

	@Autowired
	ProcessEngine engine;

	@Autowired
	CertificationDriver driver;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestRestTemplate http;

	@BeforeEach
	void setUp() {
		init(this.engine);
		if (!SMTP.isRunning()) {
			SMTP.start();
		}
		SMTP.reset();
	}

	@AfterAll
	static void stopMailServer() {
		SMTP.stop();
	}

	@Test
	void shouldEmailTheRejectionReasonAndRecordWhoSentItWhen() throws Exception {
		// R-APP-3: the written reason reaches the client, by e-mail, recorded
		String number = this.driver.submit(request("client@haihe.example"));
		reject(number, "认证范围超出本机构的能力");
		assertThat(this.driver.instance(number)).isWaitingAt(NOTIFY_REJECTION);

		this.management.executeJob(noticeJob(number).getId());

		assertThat(SMTP.getReceivedMessages()).hasSize(1);
		MimeMessage mail = SMTP.getReceivedMessages()[0];
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("client@haihe.example");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("certification@certflow.test");
		assertThat(mail.getSubject()).isEqualTo("[" + number + "] 认证申请未被受理");
		assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
		assertThat(mail.getContent().toString()).contains("认证范围超出本机构的能力");
		Map<String, Object> notice = notice(number);
		assertThat(notice).containsEntry("delivery_status", "SENT")
			.containsEntry("recipient", "client@haihe.example")
			.containsEntry("attempts", 1)
			.containsEntry("last_attempt_by", "system@node-test");
		assertThat(notice.get("sent_at")).isNotNull();
		assertThat(this.driver.instance(number)).isNull();
		assertThat(this.engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.activityId(APPLICATION_REJECTED)
			.processInstanceId(historicInstanceId(number))
			.count()).isEqualTo(1);
	}

	@Test
	void shouldRetryWithBackoffThenRaiseAnIncidentAndContinueOnceRetriesAreSet() throws Exception {
		// issue 6: the mail server is down -> retried after 1, 5, 30 minutes -> incident;
		// set retries -> continues
		String number = this.driver.submit(request("client@haihe.example"));
		reject(number, "申请材料不真实");
		ProcessInstance instance = this.driver.instance(number);
		SMTP.stop();

		Job job = noticeJob(number);
		assertThat(job.getRetries()).as("first try and three retries").isEqualTo(4);
		for (Duration backoff : List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))) {
			String jobId = job.getId();
			assertThatThrownBy(() -> this.management.executeJob(jobId)).hasMessageContaining("not sent");
			job = noticeJob(number);
			assertThat(job.getDuedate()).as("retry after " + backoff)
				.isEqualTo(Date.from(this.clock.now().toInstant().plus(backoff)));
			assertThat(this.runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
			this.clock.moveTo(job.getDuedate());
		}
		String lastTry = job.getId();
		assertThatThrownBy(() -> this.management.executeJob(lastTry)).hasMessageContaining("not sent");

		// what Cockpit shows: a failed-job incident on the notice task, the instance
		// still there, waiting
		Incident incident = this.runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
		assertThat(incident.getActivityId()).isEqualTo(NOTIFY_REJECTION);
		assertThat(incident.getIncidentMessage()).contains("not sent").contains("client@haihe.example");
		assertThat(noticeJob(number).getRetries()).isZero();
		assertThat(instance).isWaitingAt(NOTIFY_REJECTION);
		Map<String, Object> failed = notice(number);
		assertThat(failed).containsEntry("delivery_status", "FAILED").containsEntry("attempts", 4);
		assertThat((String) failed.get("delivery_note")).contains("MailSendException");
		assertThat(failed.get("sent_at")).isNull();

		// the operator's fix: mail server back, "Increment number of retries" in Cockpit
		SMTP.start();
		this.management.setJobRetries(lastTry, 1);
		assertThat(this.runtime.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
		this.management.executeJob(lastTry);

		assertThat(SMTP.getReceivedMessages()).hasSize(1);
		assertThat(notice(number)).containsEntry("delivery_status", "SENT").containsEntry("attempts", 5);
		assertThat(instance).isEnded().hasPassed(APPLICATION_REJECTED);
	}

	@Test
	void shouldEmailTheIssuedCertificate() throws Exception {
		// R-CERT-1: the client hears of the certificate, with its number and validity
		String number = this.driver.toDecision(request("service@haihe.example"), 0);
		this.driver.complete("decider", number, CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY"));
		this.management.executeJob(noticeJob(number).getId());

		// the step mails every notice of the application still pending (the audit plan
		// too)
		MimeMessage mail = java.util.Arrays.stream(SMTP.getReceivedMessages())
			.filter((m) -> subject(m).equals("[" + number + "] 证书颁发通知"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no certificate notice mailed for " + number));
		String certificate = this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id"
					+ " where a.number = ?")
			.param(number)
			.query(String.class)
			.single();
		assertThat(mail.getContent().toString()).contains(certificate).contains("2029-03-09");
		assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(historicInstanceId(number))
			.singleResult()
			.getEndActivityId()).isEqualTo(CERTIFICATE_ISSUED);
	}

	@Test
	void shouldKeepTheNoticeForALetterWhenTheClientGaveNoEmail() {
		String number = this.driver.submit(request(null));
		reject(number, "不具备法律地位证明");
		this.management.executeJob(noticeJob(number).getId());
		assertThat(SMTP.getReceivedMessages()).isEmpty();
		assertThat(notice(number)).containsEntry("delivery_status", "NOT_SENT")
			.containsEntry("delivery_note", "not sent (no contact e-mail on the application)");
		assertThat(this.driver.instance(number)).isNull();
	}

	@Test
	void shouldRefuseAMalformedContactEmailNamingTheField() {
		// R-APP-1 / issue 6: bad input names the field and changes nothing
		assertThatThrownBy(() -> this.driver.submit(request("not an address")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("contactEmail");
		int applications = count("application");
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> refused = this.http.withBasicAuth("reviewer", "reviewer")
			.postForEntity("/api/applications", new HttpEntity<>(request("client@nodot"), json), String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("\"field\":\"contactEmail\"");
		assertThat(count("application")).isEqualTo(applications);
	}

	@Test
	void shouldShowStaffTheNoticesAndTheirDelivery() {
		String number = this.driver.submit(request("client@haihe.example"));
		reject(number, "认证范围超出本机构的能力");
		this.management.executeJob(noticeJob(number).getId());
		ResponseEntity<List<Map<String, Object>>> notices = this.http.withBasicAuth("manager", "manager")
			.exchange("/api/applications/" + number + "/notices", HttpMethod.GET, null,
					new ParameterizedTypeReference<>() {
					});
		assertThat(notices.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(notices.getBody()).singleElement()
			.satisfies(n -> assertThat(n).containsEntry("kind", "APPLICATION_REJECTED")
				.containsEntry("delivery", "SENT")
				.containsEntry("recipient", "client@haihe.example")
				.containsEntry("createdBy", "reviewer"));
		assertThat(this.http.getForEntity("/api/applications/" + number + "/notices", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private static ApplicationRequest request(String email) {
		return CertificationDriver.request("PCEC", 3, 50).withContactEmail(email);
	}

	private void reject(String number, String reason) {
		this.driver.complete("reviewer", number, REVIEW_APPLICATION,
				Map.of("reviewOutcome", "REJECT", "rejectionReason", reason));
	}

	private Job noticeJob(String number) {
		return this.management.createJobQuery().processInstanceId(this.driver.instance(number).getId()).singleResult();
	}

	private String historicInstanceId(String number) {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(number)
			.processDefinitionKey(InitialCertification.KEY)
			.singleResult()
			.getId();
	}

	private Map<String, Object> notice(String number) {
		return this.jdbc
			.sql("select n.* from client_notice n join application a on a.id = n.application_id where a.number = ?")
			.param(number)
			.query()
			.singleRow();
	}

	private int count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
