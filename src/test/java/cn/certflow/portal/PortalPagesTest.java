package cn.certflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertifiedClients;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.notification.ClientNotice;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.Notices;
import cn.certflow.staff.StaffBrowser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 points 2, 5, 6, 7 through the portal's pages, as the two demo clients see
 * them: {@code client} (天津) is certified, {@code client2} (北京) has an application waiting
 * for documents. Each sees its own applications, certificates and notices and not the
 * other's; the other's number or id answers the same 404 page as a missing one; uploads
 * go through the document checks (PCEC 6.2, issue 15.6) and name the field when refused,
 * storing nothing; downloads are not cached and not sniffed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "certflow.login-throttle.per-source.free-failures=100000",
				"certflow.login-throttle.per-account.free-failures=100000",
				"spring.servlet.multipart.max-file-size=1MB", "spring.servlet.multipart.max-request-size=1MB" })
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalPagesTest {

	static final byte[] PDF = "%PDF-1.4 营业执照 scan\n%%EOF".getBytes(StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	@Autowired
	CertificationDriver driver;

	@Autowired
	CertifiedClients certified;

	@Autowired
	ApplicationService applications;

	@Autowired
	Documents documents;

	@Autowired
	Notices notices;

	Certificate certificate;

	String applicationOfClient;

	String applicationOfClient2;

	long documentOfClient;

	long noticeOfClient;

	@BeforeAll
	void certifyClientAndLetClient2Apply() {
		this.certificate = this.certified
			.certify(as(CertificationDriver.request("PCEC", 3, 50), DemoClientAccounts.TIANJIN, "天津海河家电售后服务有限公司"), 0);
		ApplicationRecord certifiedApplication = this.applications.byId(this.certificate.applicationId());
		this.applicationOfClient = certifiedApplication.number();
		this.applicationOfClient2 = this.driver
			.submit(as(CertificationDriver.request("PCEC", 3, 40), DemoClientAccounts.BEIJING, "北京中关村电脑服务股份有限公司"));
		this.driver.upload(this.applicationOfClient2, DocumentType.APPLICATION_FORM);
		this.documentOfClient = this.documents.list(DocumentOwner.application(this.applicationOfClient)).get(0).id();
		List<ClientNotice> inbox = this.notices.forClient(DemoClientAccounts.TIANJIN);
		assertThat(inbox).as("the certificate-issued notice of client").isNotEmpty();
		this.noticeOfClient = inbox.get(0).id();
	}

	private static ApplicationRequest as(ApplicationRequest r, String creditCode, String name) {
		return new ApplicationRequest(name, r.clientAddress(), creditCode, r.legalStatus(), r.schemeId(),
				r.requestedStars(), r.technicalArea(), r.categories(), r.sites(), r.headcount(), r.documents());
	}

	PortalBrowser signedIn(String user) {
		PortalBrowser browser = new PortalBrowser(this.port);
		assertThat(browser.signIn(user, user).statusCode()).as("login of " + user).isEqualTo(302);
		return browser;
	}

	@Test
	@DisplayName("issue 18.6: a new notice is marked 未读 in the account's inbox and counted on its home until the account opens it")
	void shouldMarkANoticeUnreadUntilItIsOpened() {
		long id = this.notices.send(NoticeKind.SURVEILLANCE_PLAN, NoticeTo.certificate(this.certificate.number()),
				Map.of("due", "2027-03-10"), "reviewer");
		PortalBrowser client = signedIn("client");
		assertThat(row(client.get("/portal/notices").body(), id)).contains("未读");
		assertThat(client.get("/portal/").body()).containsPattern("您有 \\d+ 条未读通知");

		assertThat(client.get("/portal/notices/" + id).body()).contains("2027-03-10");

		assertThat(row(client.get("/portal/notices").body(), id)).doesNotContain("未读");
		PortalBrowser client2 = signedIn("client2");
		assertThat(client2.get("/portal/notices").body()).as("client2 never sees client's notice")
			.doesNotContain("/portal/notices/" + id + "\"");
	}

	/** The inbox row of the notice. */
	private static String row(String page, long id) {
		int link = page.indexOf("/portal/notices/" + id + "\"");
		assertThat(link).as("notice " + id + " listed").isPositive();
		return page.substring(page.lastIndexOf("<tr", link), page.indexOf("</tr>", link));
	}

	@Test
	@DisplayName("issue 18.5/18.6: each demo client's home lists its own applications, certificates and notices, not the other's")
	void shouldShowEachClientItsOwnRecordsOnly() {
		PortalBrowser client = signedIn("client");
		HttpResponse<String> home = client.get("/portal/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body())
			.contains(this.applicationOfClient, this.certificate.number(), "已认证", "有效",
					"/portal/notices/" + this.noticeOfClient)
			.doesNotContain(this.applicationOfClient2);
		assertThat(client.get("/portal/certificates").body()).contains(this.certificate.number());
		assertThat(client.get("/portal/notices").body()).contains("/portal/notices/" + this.noticeOfClient);
		HttpResponse<String> notice = client.get("/portal/notices/" + this.noticeOfClient);
		assertThat(notice.statusCode()).isEqualTo(200);
		assertThat(notice.body()).contains(this.certificate.number());

		PortalBrowser client2 = signedIn("client2");
		HttpResponse<String> home2 = client2.get("/portal/");
		assertThat(home2.body()).contains(this.applicationOfClient2, "已收到")
			.doesNotContain(this.applicationOfClient, this.certificate.number(),
					"/portal/notices/" + this.noticeOfClient);
		assertThat(client2.get("/portal/certificates").body()).doesNotContain(this.certificate.number())
			.contains("还没有证书");
		assertThat(client2.get("/portal/notices").body()).doesNotContain("/portal/notices/" + this.noticeOfClient);
	}

	@Test
	@DisplayName("issue 18.2 (PCEC 6.2): what the CB waits for — the missing mandatory documents — on the home and application pages")
	void shouldShowTheMissingMandatoryDocumentsPlainly() {
		PortalBrowser client2 = signedIn("client2");
		String home = client2.get("/portal/").body();
		assertThat(home).contains("尚缺以下必交文件", DocumentType.COMPANY_PROFILE.title()).doesNotContain("目前没有需要您补交的文件");
		// R-CRED-1: the credit-check screenshot is the CB's to keep; the client is not
		// asked for it
		assertThat(home).doesNotContain("<li class=\"missing\">" + DocumentType.CREDIT_CHECK_SCREENSHOT.title());
		HttpResponse<String> page = client2.get("/portal/applications/" + this.applicationOfClient2);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("尚缺以下必交文件", DocumentType.COMPANY_PROFILE.title(), "认证申请已收到",
				"enctype=\"multipart/form-data\"", "value=\"BUSINESS_LICENSE\"");
		assertThat(page.body()).doesNotContain("<li class=\"missing\">" + DocumentType.CREDIT_CHECK_SCREENSHOT.title());
	}

	@Test
	@DisplayName("issue 18 point 6: another client's number or id answers the same 404 page as a missing one, on every page")
	void shouldAnswerAnotherClientsRecordsAsMissing() {
		PortalBrowser client2 = signedIn("client2");
		String cert = this.certificate.number();
		List<String[]> pairs = List.of(
				new String[] { "/portal/applications/" + this.applicationOfClient, "/portal/applications/APP-NO-SUCH" },
				new String[] { "/portal/certificates/" + cert, "/portal/certificates/CERT-NO-SUCH" },
				new String[] { "/portal/certificates/" + cert + "/revisions/1/certificate.pdf",
						"/portal/certificates/CERT-NO-SUCH/revisions/1/certificate.pdf" },
				new String[] { "/portal/notices/" + this.noticeOfClient, "/portal/notices/987654321" },
				new String[] { "/portal/documents/" + this.documentOfClient, "/portal/documents/987654321" });
		for (String[] pair : pairs) {
			HttpResponse<String> other = client2.get(pair[0]);
			HttpResponse<String> missing = client2.get(pair[1]);
			assertThat(other.statusCode()).as(pair[0]).isEqualTo(404);
			assertThat(missing.statusCode()).as(pair[1]).isEqualTo(404);
			assertThat(other.body()).as(pair[0]).isEqualTo(missing.body()).contains("未找到", "不属于您的单位");
			assertThat(other.body()).doesNotContain(DemoClientAccounts.TIANJIN);
		}
		// the owner of the application may open the same pages
		PortalBrowser client = signedIn("client");
		for (String[] pair : pairs) {
			assertThat(client.getBytes(pair[0]).statusCode()).as(pair[0]).isEqualTo(200);
		}
		// and nothing is stored on another client's application
		int before = count(this.applicationOfClient);
		client2.get("/portal/applications/" + this.applicationOfClient2);
		HttpResponse<String> upload = client2.postFile(
				"/portal/applications/" + this.applicationOfClient + "/documents", Map.of("type", "OTHER"), "x.pdf",
				"application/pdf", PDF, true);
		assertThat(upload.statusCode()).isEqualTo(404);
		assertThat(upload.body()).isEqualTo(client2.get("/portal/applications/APP-NO-SUCH").body());
		HttpResponse<String> certUpload = client2.postFile("/portal/certificates/" + cert + "/documents",
				Map.of("type", "OTHER"), "x.pdf", "application/pdf", PDF, true);
		assertThat(certUpload.statusCode()).isEqualTo(404);
		assertThat(count(this.applicationOfClient)).isEqualTo(before);
		assertThat(this.documents.list(DocumentOwner.certificate(cert))).isEmpty();
	}

	@Test
	@DisplayName("issue 18.1: a staff login (Tasklist session or HTTP Basic) gets 403 on the portal pages")
	void shouldRefuseStaffOnThePortal() throws Exception {
		StaffBrowser tasklist = new StaffBrowser(this.port).login("reviewer", "reviewer");
		for (String path : List.of("/portal/", "/portal/applications/" + this.applicationOfClient,
				"/portal/certificates", "/portal/notices", "/portal/documents/" + this.documentOfClient)) {
			HttpResponse<String> page = tasklist.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(403);
			assertThat(page.body()).as(path).doesNotContain(this.applicationOfClient + "<");
			assertThat(new PortalBrowser(this.port).withBasic("reviewer", "reviewer").get(path).statusCode()).as(path)
				.isEqualTo(403);
		}
	}

	@Test
	@DisplayName("issue 18.2: a PDF uploaded in the portal is listed with its SHA-256 and downloads with no-store, nosniff and its RFC 5987 name")
	void shouldUploadAndDownloadADocument() throws Exception {
		PortalBrowser client2 = signedIn("client2");
		client2.get("/portal/applications/" + this.applicationOfClient2);
		int before = count(this.applicationOfClient2);
		HttpResponse<String> upload = client2.postFile(
				"/portal/applications/" + this.applicationOfClient2 + "/documents", Map.of("type", "BUSINESS_LICENSE"),
				"营业执照.pdf", "application/pdf", PDF, true);
		assertThat(upload.statusCode()).as(upload.body()).isEqualTo(302);
		assertThat(count(this.applicationOfClient2)).isEqualTo(before + 1);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
		HttpResponse<String> page = client2.get("/portal/applications/" + this.applicationOfClient2);
		assertThat(page.body()).contains(sha256, "已上传", "营业执照.pdf", "client2");
		// PCEC 6.2: the business licence is no longer missing
		assertThat(page.body()).doesNotContain("<li class=\"missing\">" + DocumentType.BUSINESS_LICENSE.title());

		long id = this.documents.list(DocumentOwner.application(this.applicationOfClient2))
			.stream()
			.filter(d -> d.sha256().equals(sha256))
			.findFirst()
			.orElseThrow()
			.id();
		HttpResponse<byte[]> file = client2.getBytes("/portal/documents/" + id);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(PDF);
		assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(file.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
			.contains("filename*=UTF-8''" + URLEncoder.encode("营业执照.pdf", StandardCharsets.UTF_8));
		// the other client cannot download it
		assertThat(signedIn("client").getBytes("/portal/documents/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	@DisplayName("issue 18 bad input: wrong magic bytes, unknown type, empty or missing file, no CSRF token → 4xx naming the field, nothing stored")
	void shouldRefuseBadUploadsNamingTheFieldAndStoreNothing() {
		PortalBrowser client2 = signedIn("client2");
		String path = "/portal/applications/" + this.applicationOfClient2 + "/documents";
		client2.get("/portal/applications/" + this.applicationOfClient2);
		int before = count(this.applicationOfClient2);

		HttpResponse<String> notPdf = client2.postFile(path, Map.of("type", "BUSINESS_LICENSE"), "licence.pdf",
				"application/pdf", "MZ this is an executable".getBytes(StandardCharsets.UTF_8), true);
		assertThat(notPdf.statusCode()).isEqualTo(400);
		assertThat(notPdf.body()).contains("上传未成功", "文件（file）");

		HttpResponse<String> unknownType = client2.postFile(path, Map.of("type", "NO_SUCH_TYPE"), "licence.pdf",
				"application/pdf", PDF, true);
		assertThat(unknownType.statusCode()).isEqualTo(400);
		assertThat(unknownType.body()).contains("文件类型（type）", "未知的文件类型");

		// R-CRED-1: the credit-check screenshot is the certification body's own lookup,
		// never offered to nor taken from the client
		assertThat(client2.get("/portal/applications/" + this.applicationOfClient2).body())
			.doesNotContain("value=\"" + DocumentType.CREDIT_CHECK_SCREENSHOT.name() + "\"");
		HttpResponse<String> keptByTheBody = client2.postFile(path,
				Map.of("type", DocumentType.CREDIT_CHECK_SCREENSHOT.name()), "lookup.pdf", "application/pdf", PDF,
				true);
		assertThat(keptByTheBody.statusCode()).isEqualTo(400);
		assertThat(keptByTheBody.body()).contains("文件类型（type）", "认证机构查询和留存");

		HttpResponse<String> noType = client2.postFile(path, Map.of(), "licence.pdf", "application/pdf", PDF, true);
		assertThat(noType.statusCode()).isEqualTo(400);
		assertThat(noType.body()).contains("文件类型（type）");

		HttpResponse<String> empty = client2.postFile(path, Map.of("type", "BUSINESS_LICENSE"), "licence.pdf",
				"application/pdf", new byte[0], true);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(empty.body()).contains("文件（file）", "文件为空");

		HttpResponse<String> noFile = client2.postFile(path, Map.of("type", "BUSINESS_LICENSE"), null, null, null,
				true);
		assertThat(noFile.statusCode()).isEqualTo(400);
		assertThat(noFile.body()).contains("文件（file）");

		HttpResponse<String> forged = client2.postFile(path, Map.of("type", "BUSINESS_LICENSE"), "licence.pdf",
				"application/pdf", PDF, false);
		assertThat(forged.statusCode()).isEqualTo(403);

		assertThat(count(this.applicationOfClient2)).isEqualTo(before);
	}

	@Test
	@DisplayName("issue 18 bad input: a file over the size limit → 413 page naming the field, in Chinese, nothing stored")
	void shouldRefuseAnOversizedUploadNamingTheField() {
		PortalBrowser client2 = signedIn("client2");
		client2.get("/portal/applications/" + this.applicationOfClient2);
		int before = count(this.applicationOfClient2);
		byte[] large = new byte[1024 * 1024 + 100 * 1024];
		System.arraycopy(PDF, 0, large, 0, PDF.length);
		HttpResponse<String> tooLarge = client2.postFile(
				"/portal/applications/" + this.applicationOfClient2 + "/documents", Map.of("type", "BUSINESS_LICENSE"),
				"licence.pdf", "application/pdf", large, true);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("文件（file）", "超过大小上限", "未保存");
		// the staff API keeps its problem details for the same refusal
		HttpResponse<String> api = new PortalBrowser(this.port).withBasic("reviewer", "reviewer")
			.postFile("/api/applications/" + this.applicationOfClient2 + "/documents",
					Map.of("type", "BUSINESS_LICENSE"), "licence.pdf", "application/pdf", large, false);
		assertThat(api.statusCode()).isEqualTo(413);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("json");
		assertThat(api.body()).contains("\"field\":\"file\"");
		assertThat(count(this.applicationOfClient2)).isEqualTo(before);
	}

	@Test
	@DisplayName("issue 18.5 (R-CERT-2): the certificate page shows status, grade, validity, sites, the public verification link and each revision's PDF")
	void shouldShowTheCertificateWithItsRevisionsAndVerificationLink() {
		PortalBrowser client = signedIn("client");
		HttpResponse<String> page = client.get("/portal/certificates/" + this.certificate.number());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(this.certificate.grade(), "有效", this.certificate.expiresOn().toString(),
				this.certificate.scope(), "verify.html?number=", "第 1 版",
				"/portal/certificates/" + this.certificate.number() + "/revisions/1/certificate.pdf", "进度");
		HttpResponse<byte[]> pdf = client
			.getBytes("/portal/certificates/" + this.certificate.number() + "/revisions/1/certificate.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(client.get("/portal/certificates/" + this.certificate.number() + "/revisions/9/certificate.pdf")
			.statusCode()).isEqualTo(404);
		HttpResponse<String> timeline = client.get("/portal/applications/" + this.applicationOfClient);
		assertThat(timeline.body()).contains("认证申请已收到", "收到通知");
	}

	private int count(String application) {
		return this.documents.list(DocumentOwner.application(application)).size();
	}

}
