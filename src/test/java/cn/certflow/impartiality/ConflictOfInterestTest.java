package cn.certflow.impartiality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.support.EngineClock;
import cn.certflow.system.InvalidInputException;
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

/**
 * Conflicts of interest (impartiality, ISO/IEC 17065 4.2, PCEC 9): declared through our
 * API, enforced by the engine at audit planning (400 naming the form field) and at the
 * certification decision (403, like R-DEC-1); a refusal changes nothing, the checks of
 * every plan and decision taken are kept in the impartiality record. Tasks are worked
 * through Camunda's REST API as each user, as Tasklist does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class ConflictOfInterestTest {

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	@Autowired
	TestRestTemplate http;

	@Autowired
	CertificationDriver driver;

	@Autowired
	ConflictOfInterest conflicts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldRefuseToPlanAConflictedAuditor_namingTheTeamField() {
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 40);
		String number = toPlanning(request);
		declare("auditor", request.creditCode(), "CONSULTANCY", "2025-01-01", null);

		ResponseEntity<String> refused = completeByRest("lead", number, InitialCertification.Elements.PLAN_AUDIT,
				Map.of("leadAuditor", "lead", "auditTeam", "auditor", "plannedDate", "2026-03-10"));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("auditTeam", "'auditor' declared a relationship", "consultancy");
		assertThat(this.driver.task(number, InitialCertification.Elements.PLAN_AUDIT)).as("the plan task stays open")
			.isNotNull();
		assertThat(this.conflicts.checks(number)).as("a refused plan changes nothing").isEmpty();

		// an unconflicted team is planned, and its checks recorded with the audit
		this.driver.planAudit(number, "lead", "dual");

		assertThat(this.conflicts.checks(number))
			.extracting(ImpartialityCheck::step, ImpartialityCheck::person, ImpartialityCheck::role,
					ImpartialityCheck::kind, ImpartialityCheck::result, ImpartialityCheck::actedBy)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("AUDIT_PLAN", "lead", "LEAD", "DECLARED_CONFLICT", "CLEAR",
							"lead"),
					org.assertj.core.groups.Tuple.tuple("AUDIT_PLAN", "dual", "MEMBER", "DECLARED_CONFLICT", "CLEAR",
							"lead"));
		assertThat(this.conflicts.checks(number)).allSatisfy(c -> assertThat(c.auditId()).isNotNull());
	}

	@Test
	void shouldRefuseAConflictedLeadAuditor_namingTheLeadField() {
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 40);
		String number = toPlanning(request);
		declare("lead", request.creditCode(), "FAMILY", "2010-05-01", null);

		assertThatThrownBy(() -> this.driver.planAudit(number, "lead", "auditor")).isInstanceOfSatisfying(
				InvalidInputException.class,
				ex -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
					.containsExactly("leadAuditor"));
	}

	@Test
	void shouldCountARelationshipEndedWithinTwoYearsOnly() {
		// 2026-03-10: ended 2024-03-09 is more than two years ago; ended 2024-03-10 is
		// not
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 40);
		String number = toPlanning(request);
		declare("auditor", request.creditCode(), "EMPLOYMENT", "2015-01-01", "2024-03-09");
		this.driver.planAudit(number, "lead", "auditor");

		ApplicationRequest other = CertificationDriver.request("PCEC", 3, 40);
		String recent = toPlanning(other);
		declare("auditor", other.creditCode(), "EMPLOYMENT", "2015-01-01", "2024-03-10");
		assertThatThrownBy(() -> this.driver.planAudit(recent, "lead", "auditor"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("auditTeam");
	}

	@Test
	void shouldRefuseAConflictedDeciderClaimAndCompletion_andLetAnUnconflictedOneDecide() {
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 40);
		String number = this.driver.toDecision(request, 12);
		declare("decider", request.creditCode(), "OTHER", "2025-06-01", null, "曾为该企业售后服务部提供内部培训");
		String taskId = this.driver.task(number, InitialCertification.Elements.CERTIFICATION_DECISION).getId();

		ResponseEntity<String> claim = as("decider").postForEntity("/engine-rest/task/" + taskId + "/claim",
				new HttpEntity<>(Map.of("userId", "decider"), json()), String.class);
		ResponseEntity<String> complete = completeByRest("decider", number,
				InitialCertification.Elements.CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY"));

		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(claim.getBody()).contains("Impartiality", "'decider' declared a relationship",
				"other (其他) since 2025-06-01");
		assertThat(complete.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.driver.task(number, InitialCertification.Elements.CERTIFICATION_DECISION).getAssignee())
			.as("the claim was rolled back")
			.isNull();

		// dual (auditors + decision-makers) was not on this audit team and declared
		// nothing: may decide
		ResponseEntity<String> claimed = as("dual").postForEntity("/engine-rest/task/" + taskId + "/claim",
				new HttpEntity<>(Map.of("userId", "dual"), json()), String.class);
		ResponseEntity<String> decided = completeByRest("dual", number,
				InitialCertification.Elements.CERTIFICATION_DECISION, Map.of("decisionOutcome", "CERTIFY"));

		assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.jdbc
			.sql("select signatory from certificate c join application a on a.id = c.application_id"
					+ " where a.number = ?")
			.param(number)
			.query(String.class)
			.single()).as("certificate issued, signed by dual").isEqualTo("dual");
		List<ImpartialityCheck> decision = this.conflicts.checks(number)
			.stream()
			.filter(c -> c.step().equals("DECISION"))
			.toList();
		assertThat(decision).as("the decision taken, with its decider's checks; the refused attempts left nothing")
			.extracting(ImpartialityCheck::person, ImpartialityCheck::kind, ImpartialityCheck::result)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("dual", "AUDIT_TEAM", "CLEAR"),
					org.assertj.core.groups.Tuple.tuple("dual", "DECLARED_CONFLICT", "CLEAR"));
	}

	@Test
	void shouldChangeNothingWhenR_DEC_1RefusesADecider() {
		// R-DEC-1: dual audited, so may not claim; the claim rolls back and nothing is
		// recorded for the decision
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 40);
		String number = this.driver.submit(request);
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		this.driver.reviewAndPlan(number, "lead", "dual");
		this.driver.openAndEvaluate(number, "lead", "dual");
		this.driver.score(number, "lead", "PCEC", 12);
		this.driver.closeMeeting(number, "lead", "");

		assertThatThrownBy(
				() -> this.driver.claim("dual", number, InitialCertification.Elements.CERTIFICATION_DECISION))
			.hasMessageContaining("R-DEC-1");
		assertThat(this.conflicts.checks(number)).filteredOn(c -> c.step().equals("DECISION")).isEmpty();
		assertThat(this.driver.task(number, InitialCertification.Elements.CERTIFICATION_DECISION).getAssignee())
			.isNull();
	}

	@Test
	void shouldValidateADeclaration_namingEachBadField() {
		String code = CertificationDriver.newCreditCode();

		assertThat(post("auditor",
				Map.of("creditCode", "91120106ABCDEFGHIJ", "relationship", "CONSULTANCY", "startedOn", "2025-01-01")))
			.satisfies(r -> assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST))
			.satisfies(r -> assertThat(r.getBody()).contains("\"field\":\"creditCode\""));
		assertThat(post("auditor", Map.of("creditCode", code, "relationship", "FRIEND", "startedOn", "2025-01-01"))
			.getBody()).contains("\"field\":\"relationship\"");
		assertThat(post("auditor", Map.of("creditCode", code, "relationship", "FAMILY")).getBody())
			.contains("\"field\":\"startedOn\"");
		assertThat(post("auditor", Map.of("creditCode", code, "relationship", "FAMILY", "startedOn", "2025-01-01",
				"endedOn", "2024-01-01"))
			.getBody()).contains("\"field\":\"endedOn\"");
		assertThat(post("auditor", Map.of("creditCode", code, "relationship", "OTHER", "startedOn", "2025-01-01"))
			.getBody()).contains("\"field\":\"description\"");
		assertThat(post("admin",
				Map.of("userId", "nobody", "creditCode", code, "relationship", "FAMILY", "startedOn", "2025-01-01"))
			.getBody()).contains("\"field\":\"userId\"");
		assertThat(this.conflicts.allDeclarations()).noneMatch(d -> d.creditCode().equals(code));
	}

	@Test
	void shouldLetStaffDeclareAndReadTheirOwn_andAdministratorsAnyone() {
		String code = CertificationDriver.newCreditCode();

		ResponseEntity<String> own = post("auditor", Map.of("creditCode", code, "clientName", "天津某某公司", "relationship",
				"CONSULTANCY", "startedOn", "2024-06-01", "endedOn", "2025-05-31"));
		ResponseEntity<String> forOther = post("auditor",
				Map.of("userId", "lead", "creditCode", code, "relationship", "CONSULTANCY", "startedOn", "2024-06-01"));
		ResponseEntity<String> byAdmin = post("admin",
				Map.of("userId", "lead", "creditCode", code, "relationship", "EMPLOYMENT", "startedOn", "2020-01-01"));

		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(own.getBody()).contains("\"userId\":\"auditor\"", "\"declaredBy\":\"auditor\"",
				"\"endedOn\":\"2025-05-31\"");
		assertThat(forOther.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(byAdmin.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(byAdmin.getBody()).contains("\"userId\":\"lead\"", "\"declaredBy\":\"admin\"");
		assertThat(list("auditor", "")).allSatisfy(d -> assertThat(d).containsEntry("userId", "auditor"))
			.anySatisfy(d -> assertThat(d).containsEntry("creditCode", code));
		assertThat(as("auditor").getForEntity("/api/conflicts?userId=lead", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(list("admin", "?userId=lead")).anySatisfy(
				d -> assertThat(d).containsEntry("creditCode", code).containsEntry("relationship", "EMPLOYMENT"));
		assertThat(this.http.getForEntity("/api/conflicts", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	// --- helpers

	private String toPlanning(ApplicationRequest request) {
		String number = this.driver.submit(request);
		this.driver.acceptApplication(number);
		this.driver.signContract(number);
		// PCEC 8.1: the team reviews the documents first; the plan re-checks it
		this.driver.appointTeam(number, "lead", "auditor");
		this.driver.passDocuments(number);
		return number;
	}

	private void declare(String user, String creditCode, String relationship, String startedOn, String endedOn) {
		declare(user, creditCode, relationship, startedOn, endedOn, null);
	}

	private void declare(String user, String creditCode, String relationship, String startedOn, String endedOn,
			String description) {
		Map<String, Object> body = new HashMap<>(
				Map.of("creditCode", creditCode, "relationship", relationship, "startedOn", startedOn));
		if (endedOn != null) {
			body.put("endedOn", endedOn);
		}
		if (description != null) {
			body.put("description", description);
		}
		assertThat(post(user, body).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	private ResponseEntity<String> post(String user, Map<String, Object> body) {
		return as(user).postForEntity("/api/conflicts", new HttpEntity<>(body, json()), String.class);
	}

	private List<Map<String, Object>> list(String user, String query) {
		return as(user).exchange("/api/conflicts" + query, HttpMethod.GET, null,
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				})
			.getBody();
	}

	private ResponseEntity<String> completeByRest(String user, String number, String taskKey,
			Map<String, Object> variables) {
		Map<String, Object> typed = new HashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		return as(user).postForEntity("/engine-rest/task/" + this.driver.task(number, taskKey).getId() + "/complete",
				new HttpEntity<>(Map.of("variables", typed), json()), String.class);
	}

	private TestRestTemplate as(String user) {
		return this.http.withBasicAuth(user, user);
	}

	private static HttpHeaders json() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

}
