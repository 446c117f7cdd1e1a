package cn.certflow.clientapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.CertificationDriver;
import cn.certflow.document.DocumentType;
import cn.certflow.support.ClientHttp;
import cn.certflow.support.ClientHttp.Multipart;
import cn.certflow.support.DatabaseSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18, "Bad input and security" (SPEC "Quality of the whole", as BadInputIT): bad
 * input to the client API and to the portal's apply form — wrong types, missing fields,
 * oversized text, an unknown or reviewer-only document type, a file whose bytes are not
 * its declared type, a file name with a path or control characters — answers 4xx naming
 * the field and leaves every table, number counter and engine row as it was (no
 * application, no process instance, no document). The portal form comes back with the
 * values typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientBadInputTest {

	static final String BEIJING = "91120000103100784F";

	static final byte[] PDF = "%PDF-1.4 文件".getBytes(StandardCharsets.UTF_8);

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationService applications;

	ClientHttp api;

	ClientHttp portal;

	/** client2's own application, open for documents. */
	String application;

	@BeforeAll
	void client2WithAnApplication() {
		this.api = ClientHttp.basic(this.port, "client2", "client2");
		this.portal = ClientHttp.portal(this.port, "client2", "client2");
		this.application = this.applications.ofClient(BEIJING)
			.stream()
			.filter(a -> a.schemeId().equals("CQM") && a.status().name().equals("RECEIVED"))
			.map(a -> a.number())
			.findFirst()
			.orElseGet(() -> {
				ApplicationRequest r = CertificationDriver.request("CQM", 3, 20);
				return this.applications.submit(new ApplicationRequest("北京中关村电脑服务股份有限公司", r.clientAddress(), BEIJING,
						r.legalStatus(), "CQM", 3, r.technicalArea(), r.categories(), r.sites(), 20, r.documents()));
			});
	}

	record Case(String name, Function<ClientBadInputTest, HttpResponse<String>> call, String field) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	Stream<Case> cases() {
		String longName = "某".repeat(201);
		return Stream.of(
				// POST /api/client/applications (JSON)
				new Case("headcount is text", t -> t.apply(b -> b.put("headcount", "many")), "headcount"),
				new Case("requestedStars is text", t -> t.apply(b -> b.put("requestedStars", "three")),
						"requestedStars"),
				new Case("clientName missing", t -> t.apply(b -> b.remove("clientName")), "clientName"),
				new Case("clientName over 200 characters", t -> t.apply(b -> b.put("clientName", longName)),
						"clientName"),
				new Case("creditCode given (it is the caller's)",
						t -> t.apply(b -> b.put("creditCode", "91350100M000100Y43")), "creditCode"),
				new Case("technicalArea malformed", t -> t.apply(b -> b.put("technicalArea", "1.7")), "technicalArea"),
				new Case("schemeId unknown", t -> t.apply(b -> b.put("schemeId", "ISO9001")), "schemeId"),
				new Case("sites a number", t -> t.apply(b -> b.put("sites", 5)), "sites"),
				new Case("contactEmail not an address", t -> t.apply(b -> b.put("contactEmail", "kein-postfach")),
						"contactEmail"),
				new Case("body not JSON", t -> t.api.postJson("/api/client/applications", "{\"clientName\":"), "body"),
				// POST /api/client/applications/{number}/documents (multipart)
				new Case("document type unknown", t -> t.upload("PASSPORT", "a.pdf", "application/pdf", PDF), "type"),
				new Case("document type missing", t -> t.upload(null, "a.pdf", "application/pdf", PDF), "type"),
				new Case("document type the reviewer keeps (R-CRED-1)",
						t -> t.upload("CREDIT_CHECK_SCREENSHOT", "a.png", "image/png", PDF), "type"),
				new Case("file bytes are not its declared PNG",
						t -> t.upload("COMPANY_PROFILE", "profile.png", "image/png",
								"just text".getBytes(StandardCharsets.UTF_8)),
						"file"),
				new Case("file name with path separators",
						t -> t.upload("COMPANY_PROFILE", "../../etc/passwd.pdf", "application/pdf", PDF), "file"),
				new Case("file empty", t -> t.upload("COMPANY_PROFILE", "a.pdf", "application/pdf", new byte[0]),
						"file"),
				new Case("file missing",
						t -> t.api.postMultipart("/api/client/applications/" + t.application + "/documents",
								new Multipart().field("type", "COMPANY_PROFILE")),
						"file"),
				new Case("document id not a number", t -> t.api.get("/api/client/documents/abc"), "id"),
				// POST /portal/apply (the form)
				new Case("portal: headcount is text", t -> t.portalApply(f -> f.put("headcount", "viele"), null),
						"headcount"),
				new Case("portal: clientAddress missing", t -> t.portalApply(f -> f.put("clientAddress", ""), null),
						"clientAddress"),
				new Case("portal: clientName over 200 characters",
						t -> t.portalApply(f -> f.put("clientName", longName), null), "clientName"),
				new Case("portal: scheme unknown", t -> t.portalApply(f -> f.put("schemeId", "ISO9001"), null),
						"schemeId"),
				new Case("portal: a mandatory file missing", t -> t.portalApply(f -> {
				}, files -> files.remove("file_SERVICE_MANUAL")), "file_SERVICE_MANUAL"),
				new Case("portal: file bytes are not a PDF (checked after the form, all rolled back)",
						t -> t.portalApply(f -> {
						}, files -> files.put("file_APPLICATION_FORM",
								new Object[] { "form.pdf", "application/pdf", "MZ not a pdf".getBytes() })),
						"file_APPLICATION_FORM"),
				new Case("portal: file name with path separators", t -> t.portalApply(f -> {
				}, files -> files.put("file_COMPANY_PROFILE",
						new Object[] { "../../profile.pdf", "application/pdf", PDF })), "file_COMPANY_PROFILE"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void shouldRefuseNamingTheFieldAndChangeNothing(Case c) throws Exception {
		this.portal.get("/portal/apply"); // the page's CSRF token
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);
		HttpResponse<String> response = c.call().apply(this);
		assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
		if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
			JsonNode errors = JSON.readTree(response.body()).path("errors");
			assertThat(errors.findValuesAsText("field")).as(response.body()).contains(c.field());
		}
		else {
			assertThat(response.body()).as("the form names the field").contains("（" + c.field() + "）");
			assertThat(response.body()).as("the form keeps the values").contains("北京市海淀区中关村大街1号");
		}
		assertThat(DatabaseSnapshot.take(this.jdbc)).as("database unchanged").isEqualTo(before);
	}

	private HttpResponse<String> apply(Consumer<ObjectNode> change) {
		ObjectNode body = JSON.createObjectNode();
		body.put("clientName", "北京中关村电脑服务股份有限公司");
		body.put("clientAddress", "北京市海淀区中关村大街1号");
		body.put("legalStatus", "股份有限公司");
		body.put("schemeId", "ZHHT");
		body.put("requestedStars", 3);
		body.put("technicalArea", "01.07");
		body.putArray("categories").add("计算机维修");
		body.putArray("sites").add("北京市海淀区中关村大街1号");
		body.put("headcount", 40);
		CertificationDriver.declaredDocuments("ZHHT").forEach(body.putArray("documents")::add);
		change.accept(body);
		return this.api.postJson("/api/client/applications", body.toString());
	}

	private HttpResponse<String> upload(String type, String fileName, String contentType, byte[] content) {
		Multipart form = new Multipart();
		if (type != null) {
			form.field("type", type);
		}
		return this.api.postMultipart("/api/client/applications/" + this.application + "/documents",
				form.file("file", fileName, contentType, content));
	}

	/**
	 * The portal's form for a ZHHT application with every mandatory file, changed by the
	 * case.
	 */
	private HttpResponse<String> portalApply(Consumer<Map<String, String>> change,
			Consumer<Map<String, Object[]>> changeFiles) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("clientName", "北京中关村电脑服务股份有限公司");
		fields.put("clientAddress", "北京市海淀区中关村大街1号");
		fields.put("legalStatus", "股份有限公司");
		fields.put("schemeId", "ZHHT");
		fields.put("requestedStars", "3");
		fields.put("technicalArea", "01.07");
		fields.put("categories", "计算机维修");
		fields.put("sites", "北京市海淀区中关村大街1号\n北京市朝阳区建国路88号");
		fields.put("headcount", "40");
		fields.put("contactEmail", "client2@client.example");
		change.accept(fields);
		Map<String, Object[]> files = new LinkedHashMap<>();
		Arrays.stream(DocumentType.values())
			.filter(t -> t.fromApplicant() && t.mandatoryFor("ZHHT"))
			.forEach(t -> files.put("file_" + t.name(), new Object[] { t.name() + ".pdf", "application/pdf", PDF }));
		if (changeFiles != null) {
			changeFiles.accept(files);
		}
		Multipart form = new Multipart();
		fields.forEach(form::field);
		List<Map.Entry<String, Object[]>> entries = new ArrayList<>(files.entrySet());
		for (Map.Entry<String, Object[]> e : entries) {
			form.file(e.getKey(), (String) e.getValue()[0], (String) e.getValue()[1], (byte[]) e.getValue()[2]);
		}
		if (fields.get("clientAddress").isEmpty()) {
			// the form keeps what was typed: the other address is still there
			fields.put("clientAddress", "北京市海淀区中关村大街1号");
		}
		return this.portal.postMultipart("/portal/apply", form);
	}

}
