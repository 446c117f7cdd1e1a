package cn.certflow.clientapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertifiedClients;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.Documents;
import cn.certflow.support.ClientHttp;
import cn.certflow.support.ClientHttp.Multipart;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18, "Contract for scripts" and "Isolation": two clients (the demo accounts
 * {@code client}, 天津, and {@code client2}, 北京) walk every {@code /api/client} route with
 * each other's numbers and ids: each answers 404 with exactly the body of a number that
 * does not exist (0 leaks, and nothing stored); their own records answer 200/201; staff
 * get 403 on every route, an anonymous caller 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientIsolationTest {

	static final String TIANJIN = "91350100M000100Y43";

	static final String BEIJING = "91120000103100784F";

	static final String MISSING_APPLICATION = "APP-1900-999999";

	static final String MISSING_CERTIFICATE = "PCEC-1900-999999";

	static final String MISSING_DOCUMENT = "987654321";

	static final byte[] PDF = "%PDF-1.4 售后服务管理体系文件".getBytes(StandardCharsets.UTF_8);

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	CertifiedClients certified;

	@Autowired
	ApplicationService applications;

	@Autowired
	Documents documents;

	@Autowired
	JdbcClient jdbc;

	ClientHttp a;

	ClientHttp b;

	/** Client A's certified application and its certificate; client B's application. */
	String applicationA;

	String certificateA;

	String applicationB;

	long documentA;

	long documentB;

	@BeforeAll
	void twoClientsWithRecords() throws Exception {
		this.a = ClientHttp.basic(this.port, "client", "client");
		this.b = ClientHttp.basic(this.port, "client2", "client2");
		ApplicationRequest template = CertificationDriver.request("PCEC", 3, 40);
		Certificate certificate = this.certified.certify(new ApplicationRequest("天津海河家电售后服务有限公司",
				template.clientAddress(), TIANJIN, template.legalStatus(), "PCEC", 3, template.technicalArea(),
				template.categories(), template.sites(), 40, template.documents(), "client@client.example"), 0);
		this.certificateA = certificate.number();
		this.applicationA = this.applications.byId(certificate.applicationId()).number();
		// client B applies through the client API itself
		HttpResponse<String> applied = this.b.postJson("/api/client/applications", applicationJson("PCEC"));
		assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
		this.applicationB = JSON.readTree(applied.body()).get("number").asText();
		this.documentA = this.documents
			.upload(DocumentOwner.certificate(this.certificateA), "OTHER", "a.pdf", "application/pdf", PDF, "reviewer")
			.id();
		this.documentB = this.documents
			.upload(DocumentOwner.application(this.applicationB), "COMPANY_PROFILE", "b.pdf", "application/pdf", PDF,
					"reviewer")
			.id();
	}

	static String applicationJson(String scheme) {
		return """
				{"clientName":"北京中关村电脑服务股份有限公司","clientAddress":"北京市海淀区中关村大街1号","legalStatus":"股份有限公司",
				 "schemeId":"%s","requestedStars":3,"technicalArea":"01.07","categories":["计算机维修"],
				 "sites":["北京市海淀区中关村大街1号"],"headcount":40,"documents":%s,"contactEmail":"client2@client.example"}"""
			.formatted(scheme,
					CertificationDriver.declaredDocuments(scheme)
						.stream()
						.map(d -> "\"" + d + "\"")
						.toList()
						.toString());
	}

	@Test
	void shouldApplyUnderTheCallersOwnCreditCode() {
		// issue 18: POST /api/client/applications, the credit code is the caller's
		ApplicationRecord application = this.applications.get(this.applicationB);
		assertThat(application.creditCode()).isEqualTo(BEIJING);
		assertThat(application.processInstanceId()).isNotNull();
	}

	@Test
	void shouldAnswerTheOwnRecords() throws Exception {
		HttpResponse<String> list = this.a.get("/api/client/applications");
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode items = JSON.readTree(list.body());
		assertThat(items.isArray()).isTrue();
		assertThat(items.findValuesAsText("number")).contains(this.applicationA).doesNotContain(this.applicationB);
		assertThat(JSON.readTree(this.b.get("/api/client/applications").body()).findValuesAsText("number"))
			.contains(this.applicationB)
			.doesNotContain(this.applicationA);
		assertThat(this.a.get("/api/client/applications/" + this.applicationA).statusCode()).isEqualTo(200);
		assertThat(this.a.get("/api/client/certificates").body()).contains(this.certificateA);
		assertThat(this.b.get("/api/client/certificates").body()).doesNotContain(this.certificateA);
		assertThat(this.a.get("/api/client/certificates/" + this.certificateA).statusCode()).isEqualTo(200);
		HttpResponse<String> noticesA = this.a.get("/api/client/notices");
		assertThat(noticesA.statusCode()).isEqualTo(200);
		assertThat(noticesA.body()).contains(this.certificateA);
		HttpResponse<String> noticesB = this.b.get("/api/client/notices");
		assertThat(noticesB.statusCode()).isEqualTo(200);
		assertThat(noticesB.body()).doesNotContain(this.certificateA).doesNotContain(this.applicationA);
		HttpResponse<byte[]> file = this.a.getBytes("/api/client/documents/" + this.documentA);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(PDF);
		assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		assertThat(this.a.postMultipart("/api/client/certificates/" + this.certificateA + "/documents", pdf("OTHER"))
			.statusCode()).isEqualTo(201);
		assertThat(this.b.postMultipart("/api/client/applications/" + this.applicationB + "/documents",
				pdf("BUSINESS_LICENSE")))
			.extracting(HttpResponse::statusCode)
			.isEqualTo(201);
	}

	@Test
	void shouldAnswerAnotherClientsNumbersExactlyAsMissingOnes() {
		long documentsBefore = documentRows();
		// A with B's application
		assertSameAsMissing(this.a, (c, n) -> c.get("/api/client/applications/" + n), this.applicationB,
				MISSING_APPLICATION);
		assertSameAsMissing(this.a,
				(c, n) -> c.postMultipart("/api/client/applications/" + n + "/documents", pdf("BUSINESS_LICENSE")),
				this.applicationB, MISSING_APPLICATION);
		assertSameAsMissing(this.a, (c, n) -> c.get("/api/client/documents/" + n), String.valueOf(this.documentB),
				MISSING_DOCUMENT);
		// B with A's application, certificate and document
		assertSameAsMissing(this.b, (c, n) -> c.get("/api/client/applications/" + n), this.applicationA,
				MISSING_APPLICATION);
		assertSameAsMissing(this.b,
				(c, n) -> c.postMultipart("/api/client/applications/" + n + "/documents", pdf("BUSINESS_LICENSE")),
				this.applicationA, MISSING_APPLICATION);
		assertSameAsMissing(this.b, (c, n) -> c.get("/api/client/certificates/" + n), this.certificateA,
				MISSING_CERTIFICATE);
		assertSameAsMissing(this.b,
				(c, n) -> c.postMultipart("/api/client/certificates/" + n + "/documents", pdf("OTHER")),
				this.certificateA, MISSING_CERTIFICATE);
		assertSameAsMissing(this.b, (c, n) -> c.get("/api/client/documents/" + n), String.valueOf(this.documentA),
				MISSING_DOCUMENT);
		assertThat(documentRows()).as("no document stored for another client").isEqualTo(documentsBefore);
	}

	@Test
	void shouldRefuseStaffAndStrangersOnEveryRoute() {
		ClientHttp reviewer = ClientHttp.basic(this.port, "reviewer", "reviewer");
		ClientHttp anonymous = new ClientHttp(this.port);
		for (ClientHttp caller : List.of(reviewer, anonymous)) {
			int expected = (caller == reviewer) ? 403 : 401;
			for (String path : List.of("/api/client/applications", "/api/client/applications/" + this.applicationA,
					"/api/client/certificates", "/api/client/certificates/" + this.certificateA, "/api/client/notices",
					"/api/client/documents/" + this.documentA)) {
				assertThat(caller.get(path).statusCode()).as("GET " + path).isEqualTo(expected);
			}
			assertThat(caller.postJson("/api/client/applications", applicationJson("CQM")).statusCode())
				.isEqualTo(expected);
			assertThat(
					caller.postMultipart("/api/client/applications/" + this.applicationA + "/documents", pdf("OTHER"))
						.statusCode())
				.isEqualTo(expected);
			assertThat(
					caller.postMultipart("/api/client/certificates/" + this.certificateA + "/documents", pdf("OTHER"))
						.statusCode())
				.isEqualTo(expected);
		}
	}

	@Test
	void shouldListTheClientRoutesInTheOpenApiDocument() {
		// issue 18: an OpenAPI document of all of /api/**, the client API included
		String document = this.a.get("/v3/api-docs").body();
		assertThat(document).contains("/api/client/applications", "/api/client/applications/{number}",
				"/api/client/applications/{number}/documents", "/api/client/certificates",
				"/api/client/certificates/{number}", "/api/client/certificates/{number}/documents",
				"/api/client/notices", "/api/client/documents/{id}");
	}

	/**
	 * The other client's key answers 404 with the body of a missing key, word for word
	 * once the key itself is set aside.
	 */
	private static void assertSameAsMissing(ClientHttp caller,
			BiFunction<ClientHttp, String, HttpResponse<String>> call, String othersKey, String missingKey) {
		HttpResponse<String> others = call.apply(caller, othersKey);
		HttpResponse<String> missing = call.apply(caller, missingKey);
		assertThat(others.statusCode()).as(others.uri() + " " + others.body()).isEqualTo(404);
		assertThat(missing.statusCode()).as(missing.uri() + " " + missing.body()).isEqualTo(404);
		assertThat(others.body().replace(othersKey, "{key}")).as(others.uri().toString())
			.isEqualTo(missing.body().replace(missingKey, "{key}"));
	}

	private static Multipart pdf(String type) {
		return new Multipart().field("type", type).file("file", "说明.pdf", "application/pdf", PDF);
	}

	private long documentRows() {
		return this.jdbc.sql("select count(*) from document_file").query(Long.class).single();
	}

}
