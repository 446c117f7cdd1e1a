package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The messages of a certificate's lifecycle through our REST API: 202 when delivered, 400
 * naming the field, 404 for an unknown certificate, 409 with the reason when the
 * certificate's state does not allow it, 403 for the wrong role — and nothing recorded
 * when refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class CertificateRequestApiTest {

	@Autowired
	TestRestTemplate http;

	@Autowired
	LifecycleDriver driver;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.driver.moveTo(LocalDate.of(2026, 3, 10));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@SuppressWarnings("rawtypes")
	private ResponseEntity<Map> post(String user, String path, Object body) {
		return this.http.withBasicAuth(user, user).postForEntity("/api/certificates/" + path, body, Map.class);
	}

	private int requests() {
		return this.jdbc.sql("select count(*) from certificate_request").query(Integer.class).single();
	}

	@Test
	@SuppressWarnings("rawtypes")
	void shouldAcceptValidRequestsAndRefuseTheRestWithoutRecordingThem() {
		String number = this.driver.certify(3, 0);
		int before = requests();

		ResponseEntity<Map> unknownKind = post("reviewer", number + "/changes", Map.of("kind", "COLOUR"));
		assertThat(unknownKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownKind.getBody().toString()).contains("kind");
		ResponseEntity<Map> missingName = post("reviewer", number + "/changes", Map.of("kind", "NAME"));
		assertThat(missingName.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(missingName.getBody().toString()).contains("newHolderName");
		ResponseEntity<Map> badDate = post("reviewer", number + "/events",
				Map.of("kind", "MEDIA_EXPOSURE_PROVEN", "occurredOn", "2026-13-01", "evidence", "报道"));
		assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badDate.getBody().toString()).contains("occurredOn");
		assertThat(post("reviewer", "PCEC-1999-999999/changes", Map.of("kind", "NAME", "newHolderName", "x"))
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("auditor", number + "/withdrawal", Map.of("reason", "x")).getStatusCode())
			.as("withdrawal is a certification decision")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(
				this.http.postForEntity("/api/certificates/" + number + "/withdrawal", Map.of("reason", "x"), Map.class)
					.getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(requests()).isEqualTo(before);

		ResponseEntity<Map> withdrawn = post("decider", number + "/withdrawal", Map.of("reason", "列入严重失信名单"));
		assertThat(withdrawn.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(withdrawn.getBody()).containsKey("requestId");
		assertThat(this.http.getForObject("/api/certificates/" + number, Map.class)).containsEntry("status",
				"WITHDRAWN");

		ResponseEntity<Map> extension = post("reviewer", number + "/changes",
				Map.of("kind", "EXTENSION", "addedScope", "01.08"));
		assertThat(extension.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(extension.getBody().toString()).contains("WITHDRAWN");
		assertThat(post("decider", number + "/suspension", Map.of("reason", "x")).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(requests()).isEqualTo(before + 1);
	}

}
