package cn.certflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateService;
import cn.certflow.certificate.CertificateStatus;
import cn.certflow.certificate.CertifiedClients;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.notification.Notices;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 point 4 (PCEC 12.1, 12.3, 14; R-CHG-1, R-SUS-1, R-APL-1): the demo client
 * {@code client} makes its requests about its own certificates in the portal, through the
 * same services and checks as the staff API, as its own account: a change with a
 * supporting document reaches the lifecycle's change review, a suspension at its request
 * suspends the certificate and writes the notice, a complaint is received as a case; bad
 * input answers 400 naming the field in Chinese, a state that does not allow the request
 * 409 with the reason, another client's certificate the portal's 404 page — and nothing
 * is recorded in any of these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "certflow.login-throttle.per-source.free-failures=100000",
				"certflow.login-throttle.per-account.free-failures=100000" })
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalRequestsTest {

	static final byte[] PDF = "%PDF-1.4 新营业执照 scan\n%%EOF".getBytes(StandardCharsets.UTF_8);

	static final Pattern CASE_NUMBER = Pattern.compile("CASE-\\d{4}-\\d{6}");

	@LocalServerPort
	int port;

	@Autowired
	CertifiedClients certified;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateRequests requests;

	@Autowired
	AppealCaseService cases;

	@Autowired
	Documents documents;

	@Autowired
	Notices notices;

	@Autowired
	TaskService tasks;

	@Autowired
	JdbcClient jdbc;

	/** The certificate the client asks changes and complaints about. */
	String changed;

	/** The certificate the client has suspended. */
	String suspended;

	@BeforeAll
	void certifyClientTwice() {
		this.changed = certify().number();
		this.suspended = certify().number();
	}

	private Certificate certify() {
		ApplicationRequest r = CertificationDriver.request("PCEC", 3, 50);
		return this.certified.certify(new ApplicationRequest("天津海河家电售后服务有限公司", r.clientAddress(),
				DemoClientAccounts.TIANJIN, r.legalStatus(), r.schemeId(), r.requestedStars(), r.technicalArea(),
				r.categories(), r.sites(), r.headcount(), r.documents()), 0);
	}

	PortalBrowser signedIn(String user) {
		PortalBrowser browser = new PortalBrowser(this.port);
		assertThat(browser.signIn(user, user).statusCode()).as("login of " + user).isEqualTo(302);
		return browser;
	}

	private int recorded() {
		return this.jdbc.sql("select count(*) from certificate_request").query(Integer.class).single()
				+ this.jdbc.sql("select count(*) from complaint_case").query(Integer.class).single();
	}

	private static String form(String number, String kind) {
		return "/portal/certificates/" + number + "/requests/new?kind=" + kind;
	}

	private static String action(String number) {
		return "/portal/certificates/" + number + "/requests";
	}

	@Test
	@DisplayName("issue 18.4, R-CHG-1: a name change with its supporting document reaches the lifecycle's change review, as the client's account")
	void shouldSendAChangeWithItsDocumentToTheChangeReview() {
		PortalBrowser client = signedIn("client");
		HttpResponse<String> certificatePage = client.get("/portal/certificates/" + this.changed);
		assertThat(certificatePage.body()).as("the certificate page links to the requests")
			.contains("提出申请", "/portal/certificates/" + this.changed + "/requests/new");
		HttpResponse<String> choose = client.get("/portal/certificates/" + this.changed + "/requests/new");
		assertThat(choose.statusCode()).isEqualTo(200);
		assertThat(choose.body()).contains("名称变更", "经营场所变更", "主要服务流程变更", "扩大认证范围", "升级", "降级", "转换到新版认证规则", "暂停证书",
				"注销证书", "申诉", "投诉");
		HttpResponse<String> page = client.get(form(this.changed, "NAME"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("新名称", "name=\"newHolderName\"", "name=\"file\"");

		HttpResponse<String> sent = client.postFile(action(this.changed),
				Map.of("kind", "NAME", "newHolderName", "天津海河家电服务集团有限公司", "description", "2026 年更名，见新营业执照"),
				"新营业执照.pdf", "application/pdf", PDF, true);

		assertThat(sent.statusCode()).as(sent::body).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElse("")).contains("/portal/certificates/" + this.changed);
		CertificateRequest request = this.requests.of(this.changed)
			.stream()
			.filter(r -> "NAME".equals(r.kind()))
			.findFirst()
			.orElseThrow();
		assertThat(request.requestedBy()).as("made as the client's account").isEqualTo("client");
		assertThat(request.newHolderName()).isEqualTo("天津海河家电服务集团有限公司");
		List<Task> review = this.tasks.createTaskQuery()
			.processInstanceBusinessKey(this.changed)
			.taskDefinitionKey(CertificateLifecycle.Elements.REVIEW_CHANGE_REQUEST)
			.taskCandidateGroup("cb-reviewers")
			.list();
		assertThat(review).as("评审变更申请 waits for the reviewers").hasSize(1);
		List<DocumentInfo> attached = this.documents.list(DocumentOwner.request(request.id()));
		assertThat(attached).singleElement().satisfies(d -> {
			assertThat(d.type()).isEqualTo(DocumentType.REQUEST_SUPPORTING_DOCUMENT);
			assertThat(d.uploadedBy()).isEqualTo("client");
		});
		HttpResponse<String> after = client.get("/portal/certificates/" + this.changed);
		assertThat(after.body()).as("the request listed with its status").contains("名称变更", "待处理", "申请已提交");
	}

	@Test
	@DisplayName("issue 18.4, PCEC 12.3: a suspension at the client's request suspends the certificate and the notice reaches its inbox")
	@Order(1)
	void shouldSuspendAtTheClientsRequest() {
		PortalBrowser client = signedIn("client");
		client.get(form(this.suspended, "SUSPENSION"));
		int noticesBefore = this.notices.forClient(DemoClientAccounts.TIANJIN).size();

		HttpResponse<String> sent = client.postFile(action(this.suspended),
				Map.of("kind", "SUSPENSION", "reason", "门店装修停业三个月"), null, null, null, true);

		assertThat(sent.statusCode()).as(sent::body).isEqualTo(302);
		assertThat(this.certificates.get(this.suspended).statusOn(EngineTime.today()))
			.isEqualTo(CertificateStatus.SUSPENDED);
		assertThat(this.notices.forClient(DemoClientAccounts.TIANJIN)).hasSizeGreaterThan(noticesBefore)
			.anySatisfy(n -> {
				assertThat(n.kind()).isEqualTo("CERTIFICATE_SUSPENDED");
				assertThat(n.certificateNumber()).isEqualTo(this.suspended);
			});
		assertThat(this.requests.of(this.suspended)).anySatisfy(r -> {
			assertThat(r.kind()).isEqualTo("SUSPENSION");
			assertThat(r.requestedBy()).isEqualTo("client");
		});
		assertThat(client.get("/portal/certificates/" + this.suspended).body()).contains("暂停", "不得使用认证证书");
	}

	@Test
	@DisplayName("issue 18.4: a request the certificate's state does not allow (an extension of a suspended certificate) → 409 with the reason, nothing recorded")
	@Order(2)
	void shouldRefuseARequestTheStateDoesNotAllow() {
		if (this.certificates.get(this.suspended).statusOn(EngineTime.today()) != CertificateStatus.SUSPENDED) {
			this.requests.suspend(this.suspended, new CertificateRequests.ReasonBody("门店装修", "CLIENT"), "client");
		}
		PortalBrowser client = signedIn("client");
		client.get(form(this.suspended, "EXTENSION"));
		int before = recorded();

		HttpResponse<String> refused = client.postFile(action(this.suspended),
				Map.of("kind", "EXTENSION", "addedScope", "01.08 家用电器清洗"), null, null, null, true);

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("未提交", "已暂停", "01.08 家用电器清洗");
		assertThat(recorded()).isEqualTo(before);
	}

	@Test
	@DisplayName("issue 18.4, R-APL-1: a complaint about the certificate is received as a case with the client as complainant")
	void shouldReceiveAComplaint() {
		PortalBrowser client = signedIn("client");
		client.get(form(this.changed, "COMPLAINT"));

		HttpResponse<String> sent = client.postFile(action(this.changed),
				Map.of("kind", "COMPLAINT", "subject", "审查员迟到", "description", "现场审查当天审查员迟到两小时"), "记录.pdf",
				"application/pdf", PDF, true);

		assertThat(sent.statusCode()).as(sent::body).isEqualTo(302);
		Matcher number = CASE_NUMBER.matcher(client.get("/portal/certificates/" + this.changed).body());
		assertThat(number.find()).as("the case number shown after the complaint").isTrue();
		var received = this.cases.get(number.group());
		assertThat(received.kind()).isEqualTo("COMPLAINT");
		assertThat(received.certificateNumber()).isEqualTo(this.changed);
		assertThat(received.complainant()).isEqualTo("天津海河家电售后服务有限公司");
		assertThat(this.documents.list(DocumentOwner.appealCase(number.group()))).singleElement()
			.satisfies(d -> assertThat(d.type()).isEqualTo(DocumentType.CASE_MATERIAL));
	}

	@Test
	@DisplayName("issue 18.4, R-APL-1 (PCEC 14): the client's appeal is listed on its certificate page with its status; a third party's complaint about the client is not")
	void shouldListTheClientsOwnCasesOnTheCertificatePage() {
		PortalBrowser client = signedIn("client");
		String thirdParty = this.cases.receive(new AppealCaseService.CaseBody("COMPLAINT", this.changed, null,
				"李四（消费者）", "维修不及时", "报修后五天无人上门", "lisi@example.com"), "reviewer");

		HttpResponse<String> sent = client.postFile(action(this.changed),
				Map.of("kind", "APPEAL", "subject", "对降级决定申诉", "description", "评分表第 12 项的扣分没有依据"), null, null, null,
				true);

		assertThat(sent.statusCode()).as(sent::body).isEqualTo(302);
		String page = client.get("/portal/certificates/" + this.changed).body();
		Matcher number = CASE_NUMBER.matcher(page);
		assertThat(number.find()).as("the appeal's number told after sending").isTrue();
		assertThat(this.cases.get(number.group()).kind()).isEqualTo("APPEAL");
		String cases = page.substring(page.indexOf("id=\"cases\""));
		assertThat(cases).as("listed under 申诉与投诉")
			.contains(number.group(), "对降级决定申诉", "申诉", "已收到")
			.doesNotContain(thirdParty, "李四", "维修不及时");
	}

	@Test
	@DisplayName("issue 18.6 isolation: client2 asking about client's certificate gets the portal's 404 page, nothing recorded")
	void shouldAnswerAnotherClientsCertificateWithTheNotFoundPage() {
		PortalBrowser other = signedIn("client2");
		assertThat(other.get(form(this.changed, "NAME")).statusCode()).isEqualTo(404);
		other.get("/portal/");
		int before = recorded();

		HttpResponse<String> refused = other.postFile(action(this.changed),
				Map.of("kind", "CANCELLATION", "reason", "不再需要"), null, null, null, true);

		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(refused.body()).contains(PortalPage.NOT_FOUND);
		assertThat(recorded()).isEqualTo(before);
		assertThat(this.certificates.get(this.changed).statusOn(EngineTime.today()))
			.isNotEqualTo(CertificateStatus.CANCELLED);
	}

	@Test
	@DisplayName("issue 18 bad input: missing or wrong fields, an unknown kind, a file that is not what it says → 400 naming the field in Chinese, nothing recorded")
	void shouldRefuseBadInputNamingTheField() {
		PortalBrowser client = signedIn("client");
		client.get(form(this.changed, "NAME"));
		int before = recorded();

		HttpResponse<String> noName = client.postFile(action(this.changed), Map.of("kind", "NAME", "description", "更名"),
				null, null, null, true);
		assertThat(noName.statusCode()).isEqualTo(400);
		assertThat(noName.body()).contains("新名称（newHolderName）：必填", "申请未提交");

		HttpResponse<String> stars = client.postFile(action(this.changed),
				Map.of("kind", "UPGRADE", "requestedStars", "五"), null, null, null, true);
		assertThat(stars.statusCode()).isEqualTo(400);
		assertThat(stars.body()).contains("申请星级（requestedStars）");

		HttpResponse<String> kind = client.postFile(action(this.changed), Map.of("kind", "COLOUR"), null, null, null,
				true);
		assertThat(kind.statusCode()).isEqualTo(400);
		assertThat(kind.body()).contains("申请事项（kind）");

		HttpResponse<String> complaint = client.postFile(action(this.changed),
				Map.of("kind", "COMPLAINT", "description", "没有主题"), null, null, null, true);
		assertThat(complaint.statusCode()).isEqualTo(400);
		assertThat(complaint.body()).contains("主题（subject）：必填");

		HttpResponse<String> notAPdf = client.postFile(action(this.changed),
				Map.of("kind", "COMPLAINT", "subject", "附件有误", "description", "附件不是 PDF"), "记录.pdf", "application/pdf",
				"just text, not a PDF".getBytes(StandardCharsets.UTF_8), true);
		assertThat(notAPdf.statusCode()).as("the complaint is not kept when its file is refused").isEqualTo(400);
		assertThat(notAPdf.body()).contains("文件（file）");

		assertThat(recorded()).isEqualTo(before);
	}

}
