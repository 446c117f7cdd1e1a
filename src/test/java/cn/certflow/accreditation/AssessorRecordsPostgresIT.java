package cn.certflow.accreditation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertifiedClients;
import cn.certflow.support.PostgresDatabase;
import cn.certflow.system.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the assessor is given, on PostgreSQL: a conflicted auditor refused at planning
 * (nothing written), then the certificate's accreditation file with the impartiality
 * record, the PDF and the registry export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "postgres", "demo" })
// close the engine while PostgreSQL still runs (the embedded server stops in a JVM
// shutdown hook)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AssessorRecordsPostgresIT {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	CertificationDriver driver;

	@Autowired
	CertifiedClients clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void shouldRefuseAConflictedAuditorAndServeTheFileThePdfAndTheExportOnPostgres() throws Exception {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 60);
		String number = this.driver.submit(request);
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(this.http.withBasicAuth("auditor", "auditor")
			.postForEntity("/api/conflicts",
					new HttpEntity<>(Map.of("creditCode", request.creditCode(), "relationship", "CONSULTANCY",
							"startedOn", "2025-01-01"), headers),
					String.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		assertThatThrownBy(() -> this.driver.appointTeam(number, "lead", "auditor"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("auditTeam");
		assertThat(this.jdbc
			.sql("select count(*) from audit a join application p on p.id = a.application_id where p.number = ?")
			.param(number)
			.query(Integer.class)
			.single()).as("the plan rolled back").isZero();
		assertThat(this.jdbc.sql("select count(*) from impartiality_check where application_number = ?")
			.param(number)
			.query(Integer.class)
			.single()).isZero();

		this.driver.reviewAndPlan(number, "lead", "dual");
		this.driver.openAndEvaluate(number, "lead", "dual");
		this.driver.score(number, "lead", "PCEC", 12);
		this.driver.closeMeeting(number, "lead", "");
		Certificate certificate = this.clients.decide(number);

		JsonNode file = this.json.readTree(this.http.withBasicAuth("quality", "quality")
			.getForEntity("/api/certificates/" + certificate.number() + "/file", String.class)
			.getBody());
		assertThat(file.get("impartiality").findValues("person").stream().map(JsonNode::asText)).containsExactly("lead",
				"dual", "decider", "decider");
		assertThat(file.get("impartiality").findValues("result").stream().map(JsonNode::asText)).containsOnly("CLEAR");
		assertThat(file.at("/audits/0/scores/0/items")).hasSize(49);
		assertThat(file.at("/grade/evaluation/outputs/stars").asInt()).isEqualTo(3);
		assertThat(file.at("/decision/decidedBy").asText()).isEqualTo("decider");
		assertThat(file.at("/processHistory").findValues("completedBy").stream().map(JsonNode::asText))
			.contains("reviewer", "lead", "dual", "decider");

		ResponseEntity<byte[]> pdf = this.http.withBasicAuth("reviewer", "reviewer")
			.getForEntity("/api/certificates/" + certificate.number() + "/document.pdf", byte[].class);
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(pdf.getBody()).startsWith("%PDF".getBytes());

		String export = this.http.withBasicAuth("manager", "manager")
			.getForEntity("/api/certificates/export.json", String.class)
			.getBody();
		assertThat(this.json.readTree(export).findValues("certificateNumber").stream().map(JsonNode::asText))
			.contains(certificate.number());
		assertThat(this.http.withBasicAuth("manager", "manager")
			.getForEntity("/api/certificates/export.csv", String.class)
			.getBody()).contains("\"" + certificate.number() + "\",\"1\",\"active\",\"有效\""); // every
																								// value
																								// quoted
																								// (15.5)
		assertThat(InitialCertification.KEY).isEqualTo(file.at("/processHistory/0/process").asText());
	}

}
