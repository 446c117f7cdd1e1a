package cn.certflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.support.DatabaseSnapshot;
import cn.certflow.support.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * SPEC "Quality of the whole": bad input gets a clear error naming the field, and changes
 * nothing. A table of malformed requests against our API and against Camunda's REST API
 * (task forms), on PostgreSQL; each must answer 4xx with a JSON error naming the field,
 * and leave every CertFlow table, the number counters and the engine's instances, tasks,
 * variables and jobs exactly as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// a small upload limit, so that an oversized document is refused before Tomcat
		// gives up reading it
		properties = { "spring.servlet.multipart.max-file-size=" + BadInputIT.UPLOAD_LIMIT,
				"spring.servlet.multipart.max-request-size=" + BadInputIT.UPLOAD_LIMIT })
@ActiveProfiles({ "test", "postgres", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

	static final String UPLOAD_LIMIT = "256KB";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Logger log = LoggerFactory.getLogger(BadInputIT.class);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		PostgresDatabase.register(registry);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificationDriver driver;

	/** Applications waiting at the step a case needs. */
	String atReview;

	String atContract;

	String atPlanning;

	String atScoring;

	String atClosing;

	String atDecision;

	ApplicationRequest openApplication;

	/** A valid certificate (its lifecycle running). */
	String certificate;

	@BeforeAll
	void applications() {
		this.openApplication = CertificationDriver.request("PCEC", 3, 10);
		this.atReview = this.driver.submit(this.openApplication);
		this.atContract = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		this.driver.acceptApplication(this.atContract);
		this.atPlanning = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		this.driver.acceptApplication(this.atPlanning);
		this.driver.signContract(this.atPlanning);
		this.driver.appointTeam(this.atPlanning, "lead", "auditor");
		this.driver.passDocuments(this.atPlanning);
		this.atScoring = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		this.driver.acceptApplication(this.atScoring);
		this.driver.signContract(this.atScoring);
		this.driver.reviewAndPlan(this.atScoring, "lead", "auditor");
		this.driver.openAndEvaluate(this.atScoring, "lead", "auditor");
		this.atClosing = this.driver.submit(CertificationDriver.request("PCEC", 3, 10));
		this.driver.acceptApplication(this.atClosing);
		this.driver.signContract(this.atClosing);
		this.driver.reviewAndPlan(this.atClosing, "lead", "auditor");
		this.driver.openAndEvaluate(this.atClosing, "lead", "auditor");
		this.driver.score(this.atClosing, "lead", "PCEC", 12);
		this.atDecision = this.driver.toDecision(CertificationDriver.request("PCEC", 3, 10), 12);
		String certified = this.driver.toDecision(CertificationDriver.request("PCEC", 3, 10), 12);
		this.driver.complete("decider", certified, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		this.certificate = this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id where a.number = ?")
			.param(certified)
			.query(String.class)
			.single();
	}

	/** A qualification as the register's API takes it, with evidence. */
	static Map<String, Object> qualification(String userId, String role, String scheme, String area, String from,
			String until) {
		return Map.of("userId", userId, "role", role, "schemeId", scheme, "technicalArea", area, "validFrom", from,
				"validUntil", until, "evidence", "审查员注册证书 2026-001");
	}

	/**
	 * One malformed request: what is sent, the status expected and the field the error
	 * must name.
	 */
	record Case(String name, Function<BadInputIT, ResponseEntity<String>> request, int status, String field) {

		@Override
		public String toString() {
			return this.name + " → " + this.status + " " + this.field;
		}

	}

	static Stream<Case> badInput() {
		String longText = "长".repeat(201);
		return Stream.of(
				// POST /api/applications: wrong types, missing fields, unknown
				// properties, not JSON (R-APP-1)
				new Case("clientName missing", t -> t.apply(Map.of("clientName", NULL)), 400, "clientName"),
				new Case("empty object", t -> t.applyRaw("{}", MediaType.APPLICATION_JSON), 400, "creditCode"),
				new Case("headcount is text", t -> t.apply(Map.of("headcount", "many")), 400, "headcount"),
				new Case("headcount beyond int",
						t -> t.applyRaw(
								t.applicationJson().replaceFirst("\"headcount\":10", "\"headcount\":99999999999"),
								MediaType.APPLICATION_JSON),
						400, "headcount"),
				new Case("requestedStars fractional", t -> t.apply(Map.of("requestedStars", 3.5)), 400,
						"requestedStars"),
				new Case("clientName a number", t -> t.apply(Map.of("clientName", 42)), 400, "clientName"),
				new Case("sites: 51 entries", t -> t.apply(Map.of("sites", repeat("天津", 51))), 400, "sites"),
				new Case("categories not a list", t -> t.apply(Map.of("categories", "家电")), 400, "categories"),
				new Case("sites element null", t -> t.apply(Map.of("sites", Collections.singletonList(null))), 400,
						"sites[0]"),
				new Case("unknown property", t -> t.apply(Map.of("shoeSize", 42)), 400, "shoeSize"),
				new Case("JSON array body", t -> t.applyRaw("[1,2]", MediaType.APPLICATION_JSON), 400, "body"),
				new Case("not JSON", t -> t.applyRaw("clientName=x", MediaType.APPLICATION_JSON), 400, "body"),
				new Case("truncated JSON",
						t -> t.applyRaw(t.applicationJson().substring(0, 40), MediaType.APPLICATION_JSON), 400, "body"),
				new Case("empty body", t -> t.applyRaw("", MediaType.APPLICATION_JSON), 400, "body"),
				new Case("text/plain body", t -> t.applyRaw(t.applicationJson(), MediaType.TEXT_PLAIN), 415,
						"Content-Type"),
				// oversized strings and lists
				new Case("clientName 201 characters", t -> t.apply(Map.of("clientName", longText)), 400, "clientName"),
				new Case("clientAddress 1 MB", t -> t.apply(Map.of("clientAddress", "路".repeat(1 << 20))), 400,
						"clientAddress"),
				new Case("categories too long together",
						t -> t.apply(Map.of("categories", repeat("服".repeat(100), 20))), 400, "categories"),
				new Case("sites too long together", t -> t.apply(Map.of("sites", repeat("址".repeat(200), 50))), 400,
						"sites"),
				new Case("documents repeated", t -> t.apply(Map.of("documents", withRepeats())), 400, "documents[7]"),
				new Case("NUL character in clientName", t -> t.apply(Map.of("clientName", "某某\u0000公司")), 400,
						"clientName"),
				// unknown enum values
				new Case("unknown scheme", t -> t.apply(Map.of("schemeId", "ISO9001")), 400, "schemeId"),
				new Case("stars 6", t -> t.apply(Map.of("requestedStars", 6)), 400, "requestedStars"),
				new Case("stars 0", t -> t.apply(Map.of("requestedStars", 0)), 400, "requestedStars"),
				new Case("stars -1", t -> t.apply(Map.of("requestedStars", -1)), 400, "requestedStars"),
				new Case("unknown document type", t -> t.apply(Map.of("documents", withUnknownType())), 400,
						"documents[7]"),
				new Case("technicalArea malformed", t -> t.apply(Map.of("technicalArea", "1.7")), 400, "technicalArea"),
				new Case("headcount 0", t -> t.apply(Map.of("headcount", 0)), 400, "headcount"),
				// credit code (GB 32100) and duplicates
				new Case("credit code check character", t -> t.apply(Map.of("creditCode", wrongCheck())), 400,
						"creditCode"),
				new Case("credit code 17 characters",
						t -> t.apply(Map.of("creditCode", CertificationDriver.newCreditCode().substring(0, 17))), 400,
						"creditCode"),
				new Case("credit code with O", t -> t.apply(Map.of("creditCode", "91120106O" + "00000000X")), 400,
						"creditCode"),
				new Case("credit code lower case", t -> t.apply(Map.of("creditCode", lowerCase())), 400, "creditCode"),
				new Case("duplicate open application",
						t -> t.apply(Map.of("creditCode", t.openApplication.creditCode())), 400, "creditCode"),
				// unknown records
				new Case("unknown application", t -> t.get("reviewer", "/api/applications/APP-1900-000001"), 404,
						"number"),
				new Case("unknown application history",
						t -> t.get("manager", "/api/applications/APP-1900-000001/history"), 404, "number"),
				new Case("unknown certificate (public)", t -> t.get(null, "/api/certificates/PCEC-1900-000001"), 404,
						"number"),
				new Case("unknown certificate history",
						t -> t.get("manager", "/api/certificates/PCEC-1900-000001/history"), 404, "number"),
				new Case("document id not a number",
						t -> t.get("reviewer", "/api/applications/" + t.atReview + "/documents/abc"), 400, "id"),
				new Case("unknown document",
						t -> t.get("reviewer", "/api/applications/" + t.atReview + "/documents/999999"), 404, "id"),
				// accounts (issue 15 point 3): Camunda's password policy, refused in
				// Chinese
				new Case("weak password on user creation",
						t -> t.exchange("admin", HttpMethod.POST, "/engine-rest/user/create",
								Map.of("profile", Map.of("id", "weak-probe"), "credentials",
										Map.of("password", "password")),
								MediaType.APPLICATION_JSON),
						400, "password"),
				// certificate requests (R-SUS-1, R-CHG-1, R-UPG-1, R-SUR-2) and appeals
				// (R-APL-1)
				new Case("suspension of an unknown certificate",
						t -> t.certificateRequest("decider", "PCEC-1900-000001/suspension", Map.of("reason", "投诉属实")),
						404, "number"),
				new Case("suspension without reason",
						t -> t.certificateRequest("decider", t.certificate + "/suspension", Map.of()), 400, "reason"),
				new Case("suspension requested by BOSS",
						t -> t.certificateRequest("decider", t.certificate + "/suspension",
								Map.of("reason", "投诉属实", "requestedBy", "BOSS")),
						400, "requestedBy"),
				new Case("suspension reason 2001 characters",
						t -> t.certificateRequest("decider", t.certificate + "/suspension",
								Map.of("reason", "因".repeat(2001))),
						400, "reason"),
				new Case("change of an unknown kind",
						t -> t.certificateRequest("reviewer", t.certificate + "/changes",
								Map.of("kind", "TELEPORT", "description", "搬迁")),
						400, "kind"),
				new Case("upgrade to 9 stars",
						t -> t.certificateRequest("reviewer", t.certificate + "/changes",
								Map.of("kind", "UPGRADE", "description", "升级", "requestedStars", 9)),
						400, "requestedStars"),
				new Case("upgrade stars as text",
						t -> t.certificateRequest("reviewer", t.certificate + "/changes",
								Map.of("kind", "UPGRADE", "description", "升级", "requestedStars", "five")),
						400, "requestedStars"),
				new Case("event of an unknown kind",
						t -> t.certificateRequest("reviewer", t.certificate + "/events",
								Map.of("kind", "ALIENS", "occurredOn", EngineTime.today().toString(), "evidence",
										"报道")),
						400, "kind"),
				new Case("event that occurs tomorrow",
						t -> t.certificateRequest("reviewer", t.certificate + "/events",
								Map.of("kind", "COMPLAINT_RECEIVED", "occurredOn",
										EngineTime.today().plusDays(1).toString(), "evidence", "投诉记录")),
						400, "occurredOn"),
				new Case("transition deadline yesterday",
						t -> t.certificateRequest("quality", "transition",
								Map.of("schemeId", "PCEC", "ruleDocument", "ZCXH/XZ-19-2026", "deadline",
										EngineTime.today().minusDays(1).toString())),
						400, "deadline"),
				new Case("appeal of an unknown kind",
						t -> t.exchange("reviewer", HttpMethod.POST, "/api/cases",
								Map.of("kind", "GRUMBLE", "complainant", "某某", "subject", "不服", "description", "不服决定"),
								MediaType.APPLICATION_JSON),
						400, "kind"),
				new Case("complaint subject 501 characters",
						t -> t.exchange("reviewer", HttpMethod.POST, "/api/cases",
								Map.of("kind", "COMPLAINT", "complainant", "某某", "subject", "投".repeat(501),
										"description", "服务差"),
								MediaType.APPLICATION_JSON),
						400, "subject"),
				new Case("unknown case", t -> t.get("reviewer", "/api/cases/CASE-1900-000001"), 404, "number"),
				// credit-information lookups (R-CRED-1, PCEC 7.1, ZHHT 5.2.1 a)
				new Case("credit check unknown list",
						t -> t.exchange("reviewer", HttpMethod.POST,
								"/api/applications/" + t.atReview + "/credit-checks",
								List.of(Map.of("kind", "BLACKLIST", "lookedUp", "信用中国", "result", "CLEAR", "checkedOn",
										"2026-01-05")),
								MediaType.APPLICATION_JSON),
						400, "kind"),
				new Case("credit check listed as a penalty result",
						t -> t.exchange("reviewer", HttpMethod.POST,
								"/api/applications/" + t.atReview + "/credit-checks",
								List.of(Map.of("kind", "ABNORMAL_OPERATION_LIST", "lookedUp", "信用中国", "result",
										"PENALTY_OPEN", "checkedOn", "2026-01-05")),
								MediaType.APPLICATION_JSON),
						400, "result"),
				new Case("credit check without what was looked up",
						t -> t.exchange("reviewer", HttpMethod.POST,
								"/api/applications/" + t.atReview + "/credit-checks",
								List.of(Map.of("kind", "SERIOUS_VIOLATION_LIST", "lookedUp", " ", "result", "CLEAR",
										"checkedOn", "2026-01-05")),
								MediaType.APPLICATION_JSON),
						400, "lookedUp"),
				new Case("credit check dated in the future",
						t -> t.exchange("reviewer", HttpMethod.POST,
								"/api/applications/" + t.atReview + "/credit-checks",
								List.of(Map.of("kind", "SERIOUS_VIOLATION_LIST", "lookedUp", "信用中国", "result", "CLEAR",
										"checkedOn", "2999-01-01")),
								MediaType.APPLICATION_JSON),
						400, "checkedOn"),
				new Case("credit check with no lookups", t -> t.exchange("reviewer", HttpMethod.POST,
						"/api/applications/" + t.atReview + "/credit-checks", List.of(), MediaType.APPLICATION_JSON),
						400, "checks"),
				// the qualification register (R-COMP-1, PCEC 8.1, ZHHT 5.2.1 c)
				new Case("qualification of an unknown person",
						t -> t.exchange("quality", HttpMethod.POST, "/api/qualifications",
								qualification("nobody-at-all", "AUDITOR", "PCEC", "01.07", "2026-01-01", "2028-12-31"),
								MediaType.APPLICATION_JSON),
						400, "userId"),
				new Case("qualification with an unknown role",
						t -> t.exchange("quality", HttpMethod.POST, "/api/qualifications",
								qualification("auditor", "BOSS", "PCEC", "01.07", "2026-01-01", "2028-12-31"),
								MediaType.APPLICATION_JSON),
						400, "role"),
				new Case("qualification for an unknown scheme",
						t -> t.exchange("quality", HttpMethod.POST, "/api/qualifications",
								qualification("auditor", "AUDITOR", "ISO9001", "01.07", "2026-01-01", "2028-12-31"),
								MediaType.APPLICATION_JSON),
						400, "schemeId"),
				new Case("qualification with a malformed technical area",
						t -> t.exchange("quality", HttpMethod.POST, "/api/qualifications",
								qualification("auditor", "AUDITOR", "PCEC", "1.7", "2026-01-01", "2028-12-31"),
								MediaType.APPLICATION_JSON),
						400, "technicalArea"),
				new Case("qualification ending before it starts",
						t -> t.exchange("quality", HttpMethod.POST, "/api/qualifications",
								qualification("auditor", "AUDITOR", "PCEC", "01.07", "2026-01-01", "2025-12-31"),
								MediaType.APPLICATION_JSON),
						400, "validUntil"),
				new Case("qualification with a malformed date",
						t -> t.exchange("quality", HttpMethod.POST, "/api/qualifications",
								qualification("auditor", "AUDITOR", "PCEC", "01.07", "01.01.2026", "2028-12-31"),
								MediaType.APPLICATION_JSON),
						400, "validFrom"),
				// document uploads (PCEC 6.2)
				new Case("upload HTML",
						t -> t.upload(t.atReview, "BUSINESS_LICENSE", "x.html", MediaType.TEXT_HTML,
								"<script>".getBytes(StandardCharsets.UTF_8)),
						400, "file"),
				new Case("upload empty file",
						t -> t.upload(t.atReview, "BUSINESS_LICENSE", "x.pdf", MediaType.APPLICATION_PDF, new byte[0]),
						400, "file"),
				new Case("upload too large",
						t -> t.upload(t.atReview, "BUSINESS_LICENSE", "x.pdf", MediaType.APPLICATION_PDF,
								new byte[300 * 1024]),
						413, "file"),
				new Case("upload without file", t -> t.upload(t.atReview, "BUSINESS_LICENSE", null, null, null), 400,
						"file"),
				new Case("upload without type",
						t -> t.upload(t.atReview, null, "x.pdf", MediaType.APPLICATION_PDF, pdf()), 400, "type"),
				new Case("upload unknown type",
						t -> t.upload(t.atReview, "PASSPORT", "x.pdf", MediaType.APPLICATION_PDF, pdf()), 400, "type"),
				new Case("upload file name 256 characters",
						t -> t.upload(t.atReview, "BUSINESS_LICENSE", "n".repeat(252) + ".pdf",
								MediaType.APPLICATION_PDF, pdf()),
						400, "file"),
				new Case("upload to unknown application",
						t -> t.upload("APP-1900-000001", "BUSINESS_LICENSE", "x.pdf", MediaType.APPLICATION_PDF, pdf()),
						404, "number"),
				new Case("upload as JSON",
						t -> t.exchange("reviewer", HttpMethod.POST, "/api/applications/" + t.atReview + "/documents",
								"{\"type\":\"BUSINESS_LICENSE\"}", MediaType.APPLICATION_JSON),
						415, "Content-Type"),
				// Tasklist start form through Camunda's REST API
				new Case("start form: bad credit code", t -> t.startForm(Map.of("creditCode", wrongCheck())), 400,
						"creditCode"),
				new Case("start form: clientName 4001 characters",
						t -> t.startForm(Map.of("clientName", "名".repeat(TextVariableLimit.MAX_LENGTH + 1))), 400,
						"clientName"),
				// issue 15: a submission sets its form's fields only
				new Case("start form: a variable the form has not (submittedBy)",
						t -> t.startForm(Map.of("submittedBy", "admin")), 400, "submittedBy"),
				new Case("review: the application number shown read-only",
						t -> t.submitForm("reviewer", t.atReview, InitialCertification.Elements.REVIEW_APPLICATION,
								Map.of("reviewOutcome", "ACCEPT", "applicationNumber", "APP-1900-000001")),
						400, "applicationNumber"),
				// application review and contract (R-APP-2..4)
				new Case("review: unknown outcome",
						t -> t.submitForm("reviewer", t.atReview, InitialCertification.Elements.REVIEW_APPLICATION,
								Map.of("reviewOutcome", "MAYBE")),
						400, "reviewOutcome"),
				new Case("review: reject without reason",
						t -> t.submitForm("reviewer", t.atReview, InitialCertification.Elements.REVIEW_APPLICATION,
								Map.of("reviewOutcome", "REJECT")),
						400, "rejectionReason"),
				new Case("review: accept without documents",
						t -> t.submitForm("reviewer", t.atReview, InitialCertification.Elements.REVIEW_APPLICATION,
								Map.of("reviewOutcome", "ACCEPT")),
						400, "reviewOutcome"),
				new Case("review: rejection reason 5000 characters",
						t -> t.submitForm("reviewer", t.atReview, InitialCertification.Elements.REVIEW_APPLICATION,
								Map.of("reviewOutcome", "REJECT", "rejectionReason", "因".repeat(5000))),
						400, "rejectionReason"),
				new Case("review: rejection reason 3501 characters (the letter would not fit)",
						t -> t.submitForm("reviewer", t.atReview, InitialCertification.Elements.REVIEW_APPLICATION,
								Map.of("reviewOutcome", "REJECT", "rejectionReason",
										"因".repeat(FormInput.MAX_TEXT + 1))),
						400, "rejectionReason"),
				new Case("review: NUL in the rejection reason",
						t -> t.submitForm("reviewer", t.atReview, InitialCertification.Elements.REVIEW_APPLICATION,
								Map.of("reviewOutcome", "REJECT", "rejectionReason", "资料\u0000不全")),
						400, "rejectionReason"),
				new Case("contract: signed in the future",
						t -> t.submitForm("reviewer", t.atContract, InitialCertification.Elements.SIGN_CONTRACT,
								Map.of("contractNumber", "HT-1", "contractSignedOn",
										EngineTime.today().plusDays(1).toString())),
						400, "contractSignedOn"),
				new Case("contract: signed before the application was received",
						t -> t.submitForm("reviewer", t.atContract, InitialCertification.Elements.SIGN_CONTRACT,
								Map.of("contractNumber", "HT-1", "contractSignedOn",
										EngineTime.today().minusDays(1).toString())),
						400, "contractSignedOn"),
				new Case("contract: date not a date",
						t -> t.submitForm("reviewer", t.atContract, InitialCertification.Elements.SIGN_CONTRACT,
								Map.of("contractNumber", "HT-1", "contractSignedOn", "last Tuesday")),
						400, "contractSignedOn"),
				new Case("contract: number 61 characters",
						t -> t.submitForm("reviewer", t.atContract, InitialCertification.Elements.SIGN_CONTRACT,
								Map.of("contractNumber", "H".repeat(61), "contractSignedOn",
										EngineTime.today().toString())),
						400, "contractNumber"),
				// audit planning (R-PLAN-2)
				new Case("plan: date in the past",
						t -> t.submitForm("lead", t.atPlanning, InitialCertification.Elements.PLAN_AUDIT,
								Map.of("leadAuditor", "lead", "auditTeam", "auditor", "plannedDate",
										EngineTime.today().minusDays(1).toString())),
						400, "plannedDate"),
				new Case("plan: date not a date",
						t -> t.submitForm("lead", t.atPlanning, InitialCertification.Elements.PLAN_AUDIT,
								Map.of("leadAuditor", "lead", "auditTeam", "auditor", "plannedDate", "下周一")),
						400, "plannedDate"),
				new Case("plan: lead is no lead auditor",
						t -> t.submitForm("lead", t.atPlanning, InitialCertification.Elements.PLAN_AUDIT,
								Map.of("leadAuditor", "auditor", "auditTeam", "", "plannedDate",
										EngineTime.today().toString())),
						400, "leadAuditor"),
				new Case("plan: unknown team member",
						t -> t.submitForm("lead", t.atPlanning, InitialCertification.Elements.PLAN_AUDIT,
								Map.of("leadAuditor", "lead", "auditTeam", "ghost", "plannedDate",
										EngineTime.today().toString())),
						400, "auditTeam"),
				// scoring on the GB/T 27922 sheet (R-GRD-PCEC-1/2)
				new Case("score above the item's points", t -> t.score(Map.of("item_A2_2", "6")), 400, "item_A2_2"),
				new Case("score negative", t -> t.score(Map.of("item_A1_1", "-1")), 400, "item_A1_1"),
				new Case("score not a number", t -> t.score(Map.of("item_A1_1", "abc")), 400, "item_A1_1"),
				new Case("score fractional", t -> t.score(Map.of("item_A1_2", "2.5")), 400, "item_A1_2"),
				new Case("score missing", t -> t.score(Map.of("item_A1_2", "")), 400, "item_A1_2"),
				new Case("unknown sheet item", t -> t.score(Map.of("item_Z9_9", "1")), 400, "item_Z9_9"),
				new Case("special deductions as a bare count (PCEC 6.1, issue 20.8)",
						t -> t.score(Map.of("deductionsLaw", 1)), 400, "deductionsLaw"),
				new Case("special strengths as a bare count (PCEC 6.1, issue 20.8)",
						t -> t.score(Map.of("specialStrengths", 150)), 400, "specialStrengths"),
				new Case("special deduction without evidence (PCEC 6.1, issue 20.8)",
						t -> t.score(Map.of("deductions",
								List.of(Map.of("kind", "LAW", "description", "无证经营", "evidence", "")))),
						400, "deductions"),
				new Case("special deduction of no kind of the clause (PCEC 6.1, issue 20.8)",
						t -> t.score(Map.of("deductions",
								List.of(Map.of("kind", "OTHER", "description", "无证经营", "evidence", "营业执照")))),
						400, "deductions"),
				new Case("special strength without description (PCEC 6.1, issue 20.8)",
						t -> t.score(Map.of("strengths",
								List.of(Map.of("kind", "INDUSTRY_LEADING", "description", " ", "evidence", "记录")))),
						400, "strengths"),
				// closing meeting and decision: free text longer than the record keeps
				new Case(
						"closing: nonconformity 2001 characters",
						t -> t.submitForm(
								"lead", t.atClosing, "Task_ClosingMeeting",
								Map.of("nonconformities", "不".repeat(2001))),
						400, "nonconformities"),
				new Case("decision: unknown outcome",
						t -> t.submitForm("decider", t.atDecision, InitialCertification.Elements.CERTIFICATION_DECISION,
								Map.of("decisionOutcome", "MAYBE")),
						400, "decisionOutcome"),
				new Case("decision: refusal reasons 3501 characters",
						t -> t.submitForm("decider", t.atDecision, InitialCertification.Elements.CERTIFICATION_DECISION,
								Map.of("decisionOutcome", "REFUSE", "decisionReasons",
										"因".repeat(FormInput.MAX_TEXT + 1))),
						400, "decisionReasons"),
				new Case("decision: refusal without reasons",
						t -> t.submitForm("decider", t.atDecision, InitialCertification.Elements.CERTIFICATION_DECISION,
								Map.of("decisionOutcome", "REFUSE")),
						400, "decisionReasons"),
				new Case("decision: another audit named as auditId (issue 15)",
						t -> t.submitForm("decider", t.atDecision, InitialCertification.Elements.CERTIFICATION_DECISION,
								Map.of("decisionOutcome", "CERTIFY", "auditId", 1)),
						400, "auditId"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void shouldRefuseNamingTheFieldAndChangeNothing(Case bad) throws Exception {
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		ResponseEntity<String> response = bad.request().apply(this);

		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(bad.status());
		assertThat(response.getHeaders().getContentType()).as("JSON error")
			.matches(type -> type.isCompatibleWith(MediaType.APPLICATION_JSON)
					|| type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		JsonNode error = JSON.readTree(response.getBody());
		// one line per case, the table of docs/OPERATIONS.md (Security and bad input):
		// grep 'BadInputIT *:' in the test output
		log.info("{} | {} | {}", bad.name(), response.getStatusCode().value(),
				error.has("errors") ? error.get("errors") : error.path("message").asText());
		if (error.has("errors")) {
			// our API: RFC 9457 problem detail with the fields listed
			List<String> fields = new ArrayList<>();
			error.get("errors").forEach(e -> fields.add(e.get("field").asText()));
			assertThat(fields).as(response.getBody()).contains(bad.field());
		}
		else {
			// Camunda's REST API: {type, message}; our listeners' message starts with the
			// field
			assertThat(error.path("message").asText()).as(response.getBody()).contains(bad.field() + ":");
		}
		assertThat(DatabaseSnapshot.take(this.jdbc)).as("database unchanged").isEqualTo(before);
	}

	// --- requests

	private static final Object NULL = new Object();

	/** A valid application with some fields replaced ({@link #NULL} removes one). */
	ResponseEntity<String> apply(Map<String, Object> changes) {
		Map<String, Object> body = JSON.convertValue(CertificationDriver.request("PCEC", 3, 10), LinkedHashMap.class);
		changes.forEach((field, value) -> {
			if (value == NULL) {
				body.remove(field);
			}
			else {
				body.put(field, value);
			}
		});
		return exchange("reviewer", HttpMethod.POST, "/api/applications", body, MediaType.APPLICATION_JSON);
	}

	ResponseEntity<String> applyRaw(String body, MediaType type) {
		return exchange("reviewer", HttpMethod.POST, "/api/applications", body, type);
	}

	String applicationJson() {
		try {
			return JSON.writeValueAsString(CertificationDriver.request("PCEC", 3, 10));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	ResponseEntity<String> upload(String number, String type, String fileName, MediaType contentType, byte[] content) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		if (type != null) {
			body.add("type", type);
		}
		if (content != null) {
			HttpHeaders part = new HttpHeaders();
			part.setContentType(contentType);
			body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
				@Override
				public String getFilename() {
					return fileName;
				}
			}, part));
		}
		return exchange("reviewer", HttpMethod.POST, "/api/applications/" + number + "/documents", body,
				MediaType.MULTIPART_FORM_DATA);
	}

	ResponseEntity<String> certificateRequest(String user, String path, Map<String, Object> body) {
		return exchange(user, HttpMethod.POST, "/api/certificates/" + path, body, MediaType.APPLICATION_JSON);
	}

	ResponseEntity<String> get(String user, String path) {
		return exchange(user, HttpMethod.GET, path, null, null);
	}

	/** Tasklist's start form of the initial certification, through Camunda's REST API. */
	ResponseEntity<String> startForm(Map<String, Object> changes) {
		Map<String, Object> variables = CertificationDriver.startFormValues(CertificationDriver.request("PCEC", 3, 10));
		variables.putAll(changes);
		return exchange("reviewer", HttpMethod.POST,
				"/engine-rest/process-definition/key/" + InitialCertification.KEY + "/submit-form",
				Map.of("variables", camunda(variables)), MediaType.APPLICATION_JSON);
	}

	/** Submits the task form of this application's open task, as Tasklist does. */
	ResponseEntity<String> submitForm(String user, String number, String taskKey, Map<String, Object> variables) {
		String taskId = this.driver.task(number, taskKey).getId();
		return exchange(user, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
				Map.of("variables", camunda(variables)), MediaType.APPLICATION_JSON);
	}

	/** The full-marks scoring sheet with some values replaced. */
	ResponseEntity<String> score(Map<String, Object> changes) {
		Map<String, Object> variables = new HashMap<>(this.driver.sheetScores("PCEC", 0));
		variables.putAll(changes);
		return submitForm("lead", this.atScoring, "Task_ScoreAudit", variables);
	}

	ResponseEntity<String> exchange(String user, HttpMethod method, String path, Object body, MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		if (type != null) {
			headers.setContentType(type);
		}
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		TestRestTemplate client = (user != null) ? this.http.withBasicAuth(user, user) : this.http;
		return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	private static Map<String, Object> camunda(Map<String, Object> variables) {
		Map<String, Object> camundaVariables = new HashMap<>();
		variables.forEach((name, value) -> camundaVariables.put(name, (value instanceof java.util.Collection<?>)
				? Map.of("type", "Json", "value", json(value)) : Collections.singletonMap("value", value)));
		return camundaVariables;
	}

	/** Lists (dynamic lists, checklists) go as Tasklist sends them: JSON text. */
	private static String json(Object value) {
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// --- values

	private static List<String> repeat(String value, int times) {
		return Collections.nCopies(times, value);
	}

	private static List<String> withRepeats() {
		List<String> documents = new ArrayList<>(CertificationDriver.request("PCEC", 3, 10).documents());
		for (int i = 0; i < 40; i++) {
			documents.add("APPLICATION_FORM");
		}
		return documents;
	}

	private static List<String> withUnknownType() {
		List<String> documents = new ArrayList<>(CertificationDriver.request("PCEC", 3, 10).documents());
		documents.add("PASSPORT");
		return documents;
	}

	private static String wrongCheck() {
		String valid = CertificationDriver.newCreditCode();
		char check = valid.charAt(17);
		return valid.substring(0, 17) + ((check == '0') ? '1' : '0');
	}

	private static String lowerCase() {
		String code;
		do {
			code = CertificationDriver.newCreditCode();
		}
		while (code.substring(8).chars().noneMatch(Character::isLetter));
		return code.toLowerCase();
	}

	private static byte[] pdf() {
		return "%PDF-1.4 test".getBytes(StandardCharsets.UTF_8);
	}

	// =================================================================================================================
	// Issue 15.6 (branch sec-access): uploads whose bytes are not what they say, or not a
	// format we take. Each is
	// refused with 400 naming "file", in Chinese, and stores nothing. Appended as one
	// block.
	// =================================================================================================================

	private static final byte[] HTML = "<!DOCTYPE html><html><body><script>fetch('/api/applications')</script></body></html>"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\"/>"
		.getBytes(StandardCharsets.UTF_8);

	static Stream<Case> badUploads() {
		MediaType docx = MediaType
			.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
		byte[] zip = { 'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0,
				'a', '.', 'e', 'x', 'e' };
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0,
				0, 0, 0, 0, 0, 0 };
		return Stream.of(
				new Case("upload HTML declared as PDF",
						t -> t.upload(t.atReview, "BUSINESS_LICENSE", "licence.pdf", MediaType.APPLICATION_PDF, HTML),
						400, "file"),
				new Case("upload SVG declared as PNG",
						t -> t.upload(t.atReview, "BUSINESS_LICENSE", "licence.png", MediaType.IMAGE_PNG, SVG), 400,
						"file"),
				new Case("upload HTML declared as nothing (octet-stream)",
						t -> t.upload(t.atReview, "BUSINESS_LICENSE", "licence.pdf", MediaType.APPLICATION_OCTET_STREAM,
								HTML),
						400, "file"),
				new Case("upload PNG declared as PDF",
						t -> t.upload(t.atReview, "BUSINESS_LICENSE", "licence.pdf", MediaType.APPLICATION_PDF, png),
						400, "file"),
				new Case("upload ZIP declared as DOCX",
						t -> t.upload(t.atReview, "COMPANY_PROFILE", "profile.docx", docx, zip), 400, "file"),
				new Case("upload legacy Word (.doc)", t -> t.upload(t.atReview, "COMPANY_PROFILE", "profile.doc",
						MediaType.parseMediaType("application/msword"), ole2), 400, "file"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badUploads")
	void shouldRefuseUploadsWhoseBytesAreNotWhatTheySay_issue15_6(Case bad) throws Exception {
		shouldRefuseNamingTheFieldAndChangeNothing(bad);
		assertThat(bad.request().apply(this).getBody()).as("in Chinese").containsPattern("[\\u4e00-\\u9fff]");
	}

}
