package cn.certflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.support.DatabaseSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Issue 18, "bad input and security": every portal form and {@code /api/client} endpoint
 * answers malformed input with 4xx naming the field (in the portal with its Chinese
 * name), and leaves every CertFlow table, number counter and engine table exactly as it
 * was (the row-count check of BadInputIT).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "certflow.login-throttle.per-source.free-failures=100000",
				"certflow.login-throttle.per-account.free-failures=100000",
				"spring.servlet.multipart.max-file-size=" + PortalBadInputIT.UPLOAD_LIMIT,
				"spring.servlet.multipart.max-request-size=" + PortalBadInputIT.UPLOAD_LIMIT })
@ActiveProfiles({ "test", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBadInputIT {

	static final String UPLOAD_LIMIT = "256KB";

	static final ObjectMapper JSON = new ObjectMapper();

	static final byte[] PDF = "%PDF-1.4 营业执照".getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificationDriver driver;

	/** client2's open ZHHT application, and a rejected (closed) CQM one. */
	String open;

	String closed;

	PortalBrowser portal;

	@BeforeAll
	void applications() throws Exception {
		this.open = apply("ZHHT");
		this.closed = apply("CQM");
		this.driver.complete("reviewer", this.closed, InitialCertification.Elements.REVIEW_APPLICATION,
				Map.of("reviewOutcome", "REJECT", "rejectionReason", "超出认证范围"));
		this.portal = new PortalBrowser(this.port);
		assertThat(this.portal.signIn("client2", "client2").statusCode()).isEqualTo(302);
	}

	String apply(String scheme) throws Exception {
		HttpResponse<String> response = api().postJson("/api/client/applications", json(Map.of("schemeId", scheme)));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JSON.readTree(response.body()).get("number").asText();
	}

	PortalBrowser api() {
		return new PortalBrowser(this.port).withBasic("client2", "client2");
	}

	/** One malformed request, the status expected and the field the answer names. */
	record Case(String name, Function<PortalBadInputIT, HttpResponse<String>> request, int status, String field) {

		@Override
		public String toString() {
			return this.name + " → " + this.status + " " + this.field;
		}

	}

	static Stream<Case> badInput() {
		return Stream.of(
				// POST /api/client/applications (R-APP-1: the staff API's checks and
				// messages)
				new Case("clientName missing", t -> t.applyJson(Collections.singletonMap("clientName", null)), 400,
						"clientName"),
				new Case("headcount is text", t -> t.applyJson(Map.of("headcount", "many")), 400, "headcount"),
				new Case("requestedStars fractional", t -> t.applyJson(Map.of("requestedStars", 3.5)), 400,
						"requestedStars"),
				new Case("unknown property", t -> t.applyJson(Map.of("shoeSize", 42)), 400, "shoeSize"),
				new Case("not JSON", t -> t.api().postJson("/api/client/applications", "clientName=x"), 400, "body"),
				new Case("clientName 201 characters", t -> t.applyJson(Map.of("clientName", "长".repeat(201))), 400,
						"clientName"),
				new Case("NUL in clientName", t -> t.applyJson(Map.of("clientName", "某\u0000公司")), 400, "clientName"),
				new Case("unknown scheme", t -> t.applyJson(Map.of("schemeId", "ISO9001")), 400, "schemeId"),
				new Case("stars 6", t -> t.applyJson(Map.of("requestedStars", 6)), 400, "requestedStars"),
				new Case("unknown document type",
						t -> t.applyJson(Map.of("documents", List.of("APPLICATION_FORM", "PASSPORT"))), 400,
						"documents[1]"),
				new Case("technicalArea malformed", t -> t.applyJson(Map.of("technicalArea", "1.7")), 400,
						"technicalArea"),
				new Case("contactEmail not an address", t -> t.applyJson(Map.of("contactEmail", "no-at-sign")), 400,
						"contactEmail"),
				new Case("sites 51 entries", t -> t.applyJson(Map.of("sites", Collections.nCopies(51, "天津"))), 400,
						"sites"),
				new Case("already in progress (ZHHT open)", t -> t.applyJson(Map.of("schemeId", "ZHHT")), 400,
						"creditCode"),
				// POST /api/client/applications/{number}/documents
				new Case("unknown document type", t -> t.uploadApi(t.open, "PASSPORT", "a.pdf", "application/pdf", PDF),
						400, "type"),
				new Case("type missing", t -> t.uploadApi(t.open, null, "a.pdf", "application/pdf", PDF), 400, "type"),
				new Case("file missing", t -> t.uploadApi(t.open, "BUSINESS_LICENSE", null, null, null), 400, "file"),
				new Case("empty file",
						t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "a.pdf", "application/pdf", new byte[0]), 400,
						"file"),
				new Case("HTML declared as PDF",
						t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "a.pdf", "application/pdf",
								"<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)),
						400, "file"),
				new Case("PDF declared as PNG", t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "a.png", "image/png", PDF),
						400, "file"),
				new Case("Windows executable",
						t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "a.exe", "application/octet-stream",
								new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 }),
						400, "file"),
				new Case("file over the size limit",
						t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "big.pdf", "application/pdf", big()), 413, "file"),
				new Case("file name with ../",
						t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "../../etc/passwd.pdf", "application/pdf", PDF),
						400, "file"),
				new Case("file name with backslash",
						t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "C:\\\\x\\\\a.pdf", "application/pdf", PDF), 400,
						"file"),
				new Case("file name with a control character",
						t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "a\u0007b.pdf", "application/pdf", PDF), 400,
						"file"),
				new Case("file name 300 characters (refused as oversized multipart)",
						t -> t.uploadApi(t.open, "BUSINESS_LICENSE", "名".repeat(300) + ".pdf", "application/pdf", PDF),
						413, "file"),
				new Case("application closed (rejected)",
						t -> t.uploadApi(t.closed, "BUSINESS_LICENSE", "a.pdf", "application/pdf", PDF), 400,
						"applicationNumber"),
				new Case("document id not a number", t -> t.api().get("/api/client/documents/abc"), 400, "id"),
				// portal forms (the field named in Chinese and by its key)
				new Case("portal apply: headcount text", t -> t.applyForm(Map.of("headcount", "许多")), 400, "员工人数"),
				new Case("portal apply: clientName missing", t -> t.applyForm(Map.of("clientName", "")), 400, "单位名称"),
				new Case("portal apply: technicalArea malformed", t -> t.applyForm(Map.of("technicalArea", "abc")), 400,
						"技术领域代码"),
				new Case("portal apply: unknown document type", t -> t.applyForm(Map.of("documents", "PASSPORT")), 400,
						"提交的文件"),
				new Case("portal apply: unknown scheme", t -> t.applyForm(Map.of("schemeId", "ISO9001")), 400, "认证方案"),
				new Case("portal apply: no CSRF token", t -> t.applyForm(Map.of("_csrf", "forged")), 403, "_csrf"),
				new Case("portal upload: unknown type",
						t -> t.uploadPortal(t.open, "PASSPORT", "a.pdf", "application/pdf", PDF, true), 400, "文件类型"),
				new Case("portal upload: content not its type",
						t -> t.uploadPortal(t.open, "BUSINESS_LICENSE", "a.pdf", "application/pdf",
								"GIF89a".getBytes(StandardCharsets.UTF_8), true),
						400, "文件"),
				new Case("portal upload: path in file name",
						t -> t.uploadPortal(t.open, "BUSINESS_LICENSE", "../a.pdf", "application/pdf", PDF, true), 400,
						"文件"),
				new Case("portal upload: no CSRF token",
						t -> t.uploadPortal(t.open, "BUSINESS_LICENSE", "a.pdf", "application/pdf", PDF, false), 403,
						"_csrf"),
				new Case("portal login: user name 300 characters",
						t -> new PortalBrowser(t.port).post("/portal/login",
								Map.of("username", "x".repeat(300), "password", "y", "_csrf", "")),
						403, "_csrf"),
				new Case("portal set password: unknown link",
						t -> t.portal.post("/portal/password",
								Map.of("token", "forged", "password", "Gut-Genug-2026", "repeated", "Gut-Genug-2026")),
						400, "token"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInput")
	void shouldRefuseBadInputAndChangeNothing(Case c) {
		this.portal.get("/portal/");
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);
		HttpResponse<String> response = c.request().apply(this);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
		assertThat(response.body()).as("names the field").contains(c.field());
		assertThat(DatabaseSnapshot.take(this.jdbc)).as("nothing changed").isEqualTo(before);
	}

	HttpResponse<String> applyJson(Map<String, Object> changes) {
		return api().postJson("/api/client/applications", json(changes));
	}

	HttpResponse<String> applyForm(Map<String, String> changes) {
		this.portal.get("/portal/apply");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("clientName", "北京中关村电脑服务股份有限公司");
		form.put("clientAddress", "北京市海淀区中关村大街1号");
		form.put("legalStatus", "股份有限公司");
		form.put("schemeId", "PCEC");
		form.put("requestedStars", "3");
		form.put("technicalArea", "01.07");
		form.put("categories", "计算机维修");
		form.put("sites", "北京市海淀区中关村大街1号");
		form.put("headcount", "40");
		form.put("documents", "APPLICATION_FORM");
		form.putAll(changes);
		return this.portal.post("/portal/apply", form);
	}

	HttpResponse<String> uploadApi(String number, String type, String fileName, String contentType, byte[] content) {
		return api().postFile("/api/client/applications/" + number + "/documents",
				(type != null) ? Map.of("type", type) : Map.of(), fileName, contentType, content, false);
	}

	HttpResponse<String> uploadPortal(String number, String type, String fileName, String contentType, byte[] content,
			boolean withCsrf) {
		this.portal.get("/portal/applications/" + number);
		return this.portal.postFile("/portal/applications/" + number + "/documents", Map.of("type", type), fileName,
				contentType, content, withCsrf);
	}

	static String json(Map<String, Object> changes) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("clientName", "北京中关村电脑服务股份有限公司");
		body.put("clientAddress", "北京市海淀区中关村大街1号");
		body.put("legalStatus", "股份有限公司");
		body.put("schemeId", "PCEC");
		body.put("requestedStars", 3);
		body.put("technicalArea", "01.07");
		body.put("categories", List.of("计算机维修"));
		body.put("sites", List.of("北京市海淀区中关村大街1号"));
		body.put("headcount", 40);
		body.put("documents", CertificationDriver.request("PCEC", 3, 10).documents());
		body.putAll(changes);
		try {
			return JSON.writeValueAsString(body);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] big() {
		byte[] content = new byte[300 * 1024];
		System.arraycopy(PDF, 0, content, 0, PDF.length);
		return content;
	}

}
