package cn.certflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.staff.StaffBrowser;
import cn.certflow.staff.StaffBrowser.Part;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 19.2 and issue 18 "Staff side": a reviewer uploads an application's documents on
 * the staff page, several at once with a type each, sees them listed with type, date,
 * SHA-256 and uploader and the mandatory ones still missing (PCEC 6.2), and opens one in
 * the browser with the Tasklist login; nothing is cached by a shared cache or sniffed.
 * Bad input is refused naming the field with nothing stored; whoever may not see the
 * owner gets 404, whoever may not add gets 403, a client account no staff page at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentPagesTest {

	static final byte[] PDF = "%PDF-1.4\n% 服务认证申请书\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	static final byte[] PNG = new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H',
			'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0 };

	@LocalServerPort
	int port;

	@Autowired
	LifecycleDriver lifecycle;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	String application;

	String certificate;

	String creditCode;

	@BeforeAll
	void anApplicationAtReviewAndACertificate() {
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		this.certificate = this.lifecycle.certify(3, 0);
		this.creditCode = this.jdbc.sql("select credit_code from certificate where number = ?")
			.param(this.certificate)
			.query(String.class)
			.single();
		this.application = this.lifecycle.certification().submit(CertificationDriver.request("PCEC", 3, 50));
	}

	@Test
	void shouldUploadSeveralFilesWithATypeEachAndListThemWithSha256UploaderAndWhatIsMissing() throws Exception {
		StaffBrowser reviewer = new StaffBrowser(this.port).login("reviewer", "reviewer");
		String page = "/staff/documents/application/" + this.application;
		HttpResponse<String> before = reviewer.get(page);
		assertThat(before.statusCode()).isEqualTo(200);
		assertThat(before.body()).contains("申请 " + this.application + " 的文件", "尚缺的必备文件", "服务认证申请书",
				"企业法人营业执照或事业单位法人证书复印件", "把文件拖放到这里", "name=\"files\" multiple", "/js/staff-documents.js");

		HttpResponse<String> done = reviewer.upload(page, page,
				List.of(Part.file("files", "申请书.pdf", "application/pdf", PDF), Part.field("types", "APPLICATION_FORM"),
						Part.file("files", "营业执照.png", "image/png", PNG), Part.field("types", "BUSINESS_LICENSE")),
				true);
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith(page + "?uploaded=2");

		HttpResponse<String> after = reviewer.get(page + "?uploaded=2");
		assertThat(after.body()).contains("已上传 2 个文件", "申请书.pdf", "营业执照.png", Documents.sha256(PDF),
				Documents.sha256(PNG), "<td>reviewer</td>", "Asia/Shanghai", page + "/" + documentId("申请书.pdf"));
		assertThat(after.body().substring(after.body().indexOf("尚缺的必备文件"), after.body().indexOf("已上传的文件")))
			.doesNotContain("服务认证申请书", "企业法人营业执照")
			.contains("现行有效的商品售后服务管理体系文件及文件清单");
	}

	@Test
	void shouldOpenADocumentInTheBrowserWithTheTasklistLoginNeverCachedOrSniffed() throws Exception {
		StaffBrowser reviewer = new StaffBrowser(this.port).login("reviewer", "reviewer");
		String page = "/staff/documents/application/" + this.application;
		reviewer.upload(page, page, List.of(Part.file("files", "组织机构图.pdf", "application/pdf", PDF),
				Part.field("types", "ORGANISATION_CHART")), true);

		HttpResponse<byte[]> opened = reviewer.download(page + "/" + documentId("组织机构图.pdf"));
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.body()).isEqualTo(PDF);
		assertThat(opened.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(opened.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
		assertThat(opened.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("private, no-store");
		assertThat(opened.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");

		// the same document through another owner's page does not exist
		assertThat(reviewer.get("/staff/documents/certificate/" + this.certificate + "/" + documentId("组织机构图.pdf"))
			.statusCode()).isEqualTo(404);
	}

	/**
	 * Issue 18 "Staff side": the application review form lists the uploaded documents as
	 * links (the variable Tasklist hands the form), and a link opens the file with the
	 * Tasklist session alone, no second login, no JSON.
	 */
	@Test
	void shouldListTheUploadsInTheReviewFormAsLinksThatOpenWithTheTasklistSession() throws Exception {
		StaffBrowser reviewer = new StaffBrowser(this.port).login("reviewer", "reviewer");
		String page = "/staff/documents/application/" + this.application;
		reviewer.upload(page, page,
				List.of(Part.file("files", "企业介绍.pdf", "application/pdf", PDF), Part.field("types", "COMPANY_PROFILE")),
				true);
		String link = page + "/" + documentId("企业介绍.pdf");
		String taskId = this.lifecycle.certification()
			.task(this.application, cn.certflow.application.InitialCertification.Elements.REVIEW_APPLICATION)
			.getId();

		HttpResponse<String> variables = reviewer
			.json("/camunda/api/engine/engine/default/task/" + taskId + "/form-variables");
		assertThat(variables.statusCode()).isEqualTo(200);
		assertThat(variables.body()).contains("applicationDocuments", "[企业介绍：企业介绍.pdf](" + link + ")");

		HttpResponse<byte[]> opened = reviewer.download(link);
		assertThat(opened.statusCode()).isEqualTo(200);
		assertThat(opened.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(opened.body()).isEqualTo(PDF);
	}

	@Test
	void shouldRefuseBadUploadsNamingTheFieldAndStoreNothing() throws Exception {
		StaffBrowser reviewer = new StaffBrowser(this.port).login("reviewer", "reviewer");
		String page = "/staff/documents/application/" + this.application;
		long before = count();
		byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> forged = reviewer.upload(page, page,
				List.of(Part.file("files", "a.pdf", "application/pdf", PDF), Part.field("types", "COMPANY_PROFILE")),
				false);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("_csrf");

		HttpResponse<String> disguised = reviewer.upload(page, page,
				List.of(Part.file("files", "a.pdf", "application/pdf", PDF), Part.field("types", "COMPANY_PROFILE"),
						Part.file("files", "b.pdf", "application/pdf", html), Part.field("types", "COMPANY_PROFILE")),
				true);
		assertThat(disguised.statusCode()).isEqualTo(400);
		assertThat(disguised.body()).contains("输入有误，未做任何修改", "files[1]：第 2 个文件：");

		HttpResponse<String> untyped = reviewer.upload(page, page,
				List.of(Part.file("files", "a.pdf", "application/pdf", PDF), Part.file("files", "b.pdf", null, PDF),
						Part.field("types", "COMPANY_PROFILE")),
				true);
		assertThat(untyped.statusCode()).isEqualTo(400);
		assertThat(untyped.body()).contains("types：每个文件都要选择文件类型");

		HttpResponse<String> unknown = reviewer.upload(page, page,
				List.of(Part.file("files", "a.pdf", "application/pdf", PDF), Part.field("types", "PASSPORT")), true);
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("types[0]：第 1 个文件：未知的文件类型");

		HttpResponse<String> notHere = reviewer.upload(page, page,
				List.of(Part.file("files", "a.pdf", "application/pdf", PDF), Part.field("types", "CASE_MATERIAL")),
				true);
		assertThat(notHere.statusCode()).isEqualTo(400);
		assertThat(notHere.body()).contains("types[0]");

		HttpResponse<String> none = reviewer.upload(page, page, List.of(Part.field("types", "COMPANY_PROFILE")), true);
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("files：请选择至少一个文件");

		assertThat(count()).isEqualTo(before);
	}

	@Test
	void shouldShowDocumentsOnlyToStaffTheOwnerRulesNameAndNeverToAClient() throws Exception {
		String applicationPage = "/staff/documents/application/" + this.application;
		String certificatePage = "/staff/documents/certificate/" + this.certificate;
		// a decider holds no task of an application at review: it does not exist for them
		StaffBrowser decider = new StaffBrowser(this.port).login("decider", "decider");
		assertThat(decider.get(applicationPage).statusCode()).isEqualTo(404);
		// a decider sees a certificate's documents but adds none
		HttpResponse<String> seen = decider.get(certificatePage);
		assertThat(seen.statusCode()).isEqualTo(200);
		assertThat(seen.body()).contains("你可以查看这些文件，但不能上传").doesNotContain("name=\"files\"");
		// (the token from a page with a form: the documents page shows the decider none)
		HttpResponse<String> refused = decider.upload("/staff/conflicts", certificatePage, List
			.of(Part.file("files", "a.pdf", "application/pdf", PDF), Part.field("types", "LICENCES_AND_PERMITS")),
				true);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(decider.get("/staff/documents/passport/" + this.certificate).statusCode()).isEqualTo(404);

		// a signed-in person outside the staff groups (a client account): no staff page
		this.identity.clearAuthentication();
		User client = this.identity.newUser("doc-client-" + System.nanoTime() % 100000);
		client.setPassword("Kunden-Passwort-2026!");
		this.identity.saveUser(client);
		StaffBrowser outsider = new StaffBrowser(this.port).basic(client.getId(), "Kunden-Passwort-2026!");
		assertThat(outsider.get(applicationPage).statusCode()).isEqualTo(403);
		assertThat(outsider.get(certificatePage).statusCode()).isEqualTo(403);
		// no login: the browser goes to Tasklist's login
		HttpResponse<String> anonymous = new StaffBrowser(this.port).get(applicationPage);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist/");
	}

	@Test
	void shouldLinkTheDocumentPagesFromTheClientCaseAndCertificatePages() throws Exception {
		StaffBrowser manager = new StaffBrowser(this.port).login("manager", "manager");
		String application = this.jdbc
			.sql("select a.number from certificate c join application a on a.id = c.application_id where c.number = ?")
			.param(this.certificate)
			.query(String.class)
			.single();
		assertThat(manager.get("/staff/clients/" + this.creditCode).body()).contains(
				"/staff/documents/application/" + application, "/staff/documents/certificate/" + this.certificate);
		assertThat(manager.get("/staff/cases/" + application).body())
			.contains("/staff/documents/application/" + application);
		assertThat(manager.get("/staff/certificates/" + this.certificate).body())
			.contains("/staff/documents/certificate/" + this.certificate);
	}

	private long documentId(String fileName) {
		return this.jdbc.sql("select max(id) from document_file where owner_key = ? and file_name = ?")
			.params(this.application, fileName)
			.query(Long.class)
			.single();
	}

	private long count() {
		return this.jdbc.sql("select count(*) from document_file").query(Long.class).single();
	}

}
