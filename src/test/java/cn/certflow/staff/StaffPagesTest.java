package cn.certflow.staff;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.InitialCertification;
import cn.certflow.planning.AuditTimeService;
import cn.certflow.security.Groups;
import cn.certflow.planning.AuditType;
import cn.certflow.competence.QualificationRole;
import cn.certflow.surveillance.AuditForecast;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 19 points 1, 3 and 7: the staff pages with one Tasklist login: a finished
 * certification found by client name, its case page with the score sheet item by item,
 * its certificate and PDF; the registers; and who may see what (a reviewer not the
 * registers, a client account no staff page), CSRF, bad input 400 naming the field with
 * nothing changed (ISO/IEC 17065 4.2, 7.12; R-DEC-1).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "certflow.test.context=staff-pages")
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffPagesTest {

	static final String CLIENT = "天津星河家电售后服务有限公司";

	@LocalServerPort
	int port;

	@Autowired
	CertificationDriver driver;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityService identity;

	@Autowired
	AuditForecast forecast;

	@Autowired
	AuditTimeService auditTime;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	String application;

	String creditCode;

	String certificate;

	String pending;

	static final String SECOND_LEAD = "lead2";

	@BeforeAll
	void certifyOneClientAndLeaveOneAtTheDecision() {
		ApplicationRequest base = CertificationDriver.request("PCEC", 5, 120);
		ApplicationRequest request = new ApplicationRequest(CLIENT, base.clientAddress(), base.creditCode(),
				base.legalStatus(), "PCEC", 5, base.technicalArea(), base.categories(), base.sites(), base.headcount(),
				base.documents());
		this.creditCode = request.creditCode();
		this.application = this.driver.toDecision(request, 3);
		this.driver.complete("decider", this.application, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
		this.certificate = this.jdbc
			.sql("select c.number from certificate c join application a on a.id = c.application_id where a.number = ?")
			.params(this.application)
			.query(String.class)
			.single();
		this.pending = this.driver.toDecision(CertificationDriver.request("PCEC", 5, 120), 0);
		// a second team and scheme for the managers' forecast: a CQM client audited by
		// lead2
		this.identity.clearAuthentication();
		User lead2 = this.identity.newUser(SECOND_LEAD);
		lead2.setPassword("Zweiter-Leiter-2026!");
		this.identity.saveUser(lead2);
		this.identity.createMembership(SECOND_LEAD, Groups.LEAD_AUDITORS);
		this.identity.createMembership(SECOND_LEAD, Groups.AUDITORS);
		this.driver.qualify(SECOND_LEAD, QualificationRole.LEAD_AUDITOR);
		String cqm = this.driver.toDecision(CertificationDriver.request("CQM", 3, 40), 0, SECOND_LEAD, "auditor");
		this.driver.complete("decider", cqm, InitialCertification.Elements.CERTIFICATION_DECISION,
				Map.of("decisionOutcome", "CERTIFY"));
	}

	@Test
	void shouldFindAFinishedCertificationByClientNameAndOpenItsClientCertificateAndPdf() throws Exception {
		StaffBrowser manager = new StaffBrowser(this.port).login("manager", "manager");
		HttpResponse<String> hits = manager.get("/staff/cases?q=" + URLEncoder.encode("星河家电", StandardCharsets.UTF_8));
		assertThat(hits.statusCode()).isEqualTo(200);
		assertThat(hits.body()).contains(this.application, CLIENT, this.certificate, "已认证", "有效", "管理看板", "决策表版本")
			.doesNotContain(this.pending);
		assertThat(manager.get("/staff/cases?q=" + this.creditCode).body()).contains(this.application);
		assertThat(manager.get("/staff/cases?q=" + this.certificate).body()).contains(this.application);

		HttpResponse<String> client = manager.get("/staff/clients/" + this.creditCode);
		assertThat(client.statusCode()).isEqualTo(200);
		assertThat(client.body()).contains(CLIENT, this.application, this.certificate, "初次认证审查",
				"/staff/certificates/" + this.certificate + "/document.pdf", "状态变化", "已签合同");

		HttpResponse<String> page = manager.get("/staff/certificates/" + this.certificate);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(CLIENT, "全部版本", "下载证书 PDF", "认可档案");
		HttpResponse<byte[]> pdf = manager.download("/staff/certificates/" + this.certificate + "/document.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		HttpResponse<String> file = manager.get("/staff/certificates/" + this.certificate + "/file");
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).contains(this.certificate);
	}

	/** R-DEC-1: the decider reads the sheet behind the score before deciding. */
	@Test
	void shouldShowTheDeciderTheScoreSheetItemByItemWithSubtotalsNonconformitiesAndDocuments() throws Exception {
		StaffBrowser decider = new StaffBrowser(this.port).login("decider", "decider");
		HttpResponse<String> page = decider.get("/staff/cases/" + this.pending);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(CertificationDriver.request("PCEC", 5, 120).clientName(), "A1.1", "组织架构",
				"售后服务体系", "合计（适用条款）", "特别扣分", "不符合项", "/staff/documents/application/" + this.pending, "评级表 grade-pcec",
				"Asia/Shanghai");
		assertThat(page.body()).as("no raw codes").doesNotContain(">AUDIT_PLANNED<", ">INITIAL<", ">APPLICATION_FORM<");
		assertThat(page.body()).as("document types and the application's status as words")
			.contains("服务认证申请书", "<th>状态</th><td>已安排审查</td>");

		// the same page after the decision shows the certificate's number and link
		HttpResponse<String> certified = decider.get("/staff/cases/" + this.application);
		assertThat(certified.body()).contains("/staff/certificates/" + this.certificate, "认证决定", "认证，5 星");
	}

	@Test
	void shouldKeepTheRegistersFromAReviewerAndEveryStaffPageFromAClientAccount() throws Exception {
		StaffBrowser reviewer = new StaffBrowser(this.port).login("reviewer", "reviewer");
		assertThat(reviewer.get("/staff/decision-tables").statusCode()).isEqualTo(403);
		assertThat(reviewer.get("/staff/dashboard").statusCode()).isEqualTo(403);
		HttpResponse<String> conflicts = reviewer.get("/staff/conflicts");
		assertThat(conflicts.body()).contains("我的利益冲突声明").doesNotContain("利益冲突登记册", "决策表版本");

		// an auditor not on the audit team: the case does not exist for them
		this.identity.clearAuthentication();
		User auditor = this.identity.newUser("auditor-" + System.nanoTime() % 100000);
		auditor.setPassword("Pruefer-Passwort-2026!");
		this.identity.saveUser(auditor);
		this.identity.createMembership(auditor.getId(), Groups.AUDITORS);
		StaffBrowser other = new StaffBrowser(this.port).basic(auditor.getId(), "Pruefer-Passwort-2026!");
		assertThat(other.get("/staff/cases/" + this.pending).statusCode()).isEqualTo(404);
		assertThat(other.get("/staff/cases?q=x").statusCode()).isEqualTo(403);
		// Tasklist's header link 员工页面 (/staff/): the search for a reviewer, the
		// declaration for an auditor
		assertThat(reviewer.get("/staff/").headers().firstValue("Location").orElseThrow()).endsWith("/staff/cases");
		assertThat(other.get("/staff/").headers().firstValue("Location").orElseThrow()).endsWith("/staff/conflicts");

		// a signed-in person outside the staff groups (a client account): no staff page
		User client = this.identity.newUser("client-" + System.nanoTime() % 100000);
		client.setPassword("Kunden-Passwort-2026!");
		this.identity.saveUser(client);
		StaffBrowser outsider = new StaffBrowser(this.port).basic(client.getId(), "Kunden-Passwort-2026!");
		for (String path : List.of("/staff/", "/staff/cases?q=x", "/staff/cases/" + this.application,
				"/staff/conflicts", "/staff/certificates/" + this.certificate + "/document.pdf", "/staff/dashboard",
				"/staff/decision-tables")) {
			assertThat(outsider.get(path).statusCode()).as(path).isEqualTo(403);
		}
		// no login: the browser goes to Tasklist's login
		HttpResponse<String> anonymous = new StaffBrowser(this.port).get("/staff/cases");
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location").orElseThrow()).contains("/camunda/app/tasklist/");
	}

	/**
	 * Issue 19 acceptance "every page under authorization": every staff page the
	 * application maps (read from Spring MVC's mappings, so a page added later is covered
	 * too) answers a client account 403 and sends a browser without a login to Tasklist's
	 * login; the real numbers fill the path, so no page answers from a lookup miss.
	 */
	@Test
	void shouldRefuseEveryMappedStaffPageToAClientAccountAndSendStrangersToTheLogin() throws Exception {
		List<String> pages = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			if (info.getMethodsCondition().getMethods().stream().anyMatch((m) -> m != RequestMethod.GET)) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/staff")) {
					pages.add(fill(pattern));
				}
			}
		});
		assertThat(pages).as("the staff pages found").hasSizeGreaterThan(15);
		User client = this.identity.newUser("client-all-" + System.nanoTime() % 100000);
		client.setPassword("Kunden-Passwort-2026!");
		this.identity.saveUser(client);
		StaffBrowser outsider = new StaffBrowser(this.port).basic(client.getId(), "Kunden-Passwort-2026!");
		StaffBrowser stranger = new StaffBrowser(this.port);
		for (String path : pages) {
			assertThat(outsider.get(path).statusCode()).as("client account on %s", path).isEqualTo(403);
			HttpResponse<String> anonymous = stranger.get(path);
			assertThat(anonymous.statusCode()).as("no login on %s", path).isIn(302, 401);
			assertThat(anonymous.body()).as(path).doesNotContain(CLIENT);
		}
	}

	private String fill(String pattern) {
		return pattern.replace("{creditCode}", this.creditCode)
			.replace("{kind}/{key}", "application/" + this.application)
			.replace("{number}",
					pattern.contains("/certificates/") || pattern.contains("/certificate/") ? this.certificate
							: this.application)
			.replaceAll("\\{[^}]*\\}", "1");
	}

	@Test
	void shouldDeclareAConflictThroughThePageAndRefuseBadInputNamingTheFieldWithNothingRecorded() throws Exception {
		StaffBrowser reviewer = new StaffBrowser(this.port).login("reviewer", "reviewer");
		long before = declarations();

		HttpResponse<String> bad = reviewer.submit("/staff/conflicts", "/staff/conflicts",
				Map.of("creditCode", "91120000000000000X", "relationship", "CONSULTANCY", "startedOn", "2025-13-01"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("统一社会信用代码：", "开始日期：日期格式应为", "invalid");
		HttpResponse<String> other = reviewer.submit("/staff/conflicts", "/staff/conflicts",
				Map.of("creditCode", this.creditCode, "relationship", "OTHER", "startedOn", "2025-01-01"));
		assertThat(other.statusCode()).isEqualTo(400);
		assertThat(other.body()).contains("说明：关系类型为“其他”时请说明");
		HttpResponse<String> forSomeoneElse = reviewer.submit("/staff/conflicts", "/staff/conflicts", Map.of("userId",
				"lead", "creditCode", this.creditCode, "relationship", "CONSULTANCY", "startedOn", "2025-01-01"));
		assertThat(forSomeoneElse.statusCode()).isEqualTo(400);
		assertThat(forSomeoneElse.body()).contains("声明人：只有系统管理员可以替他人声明");
		HttpResponse<String> forged = reviewer.post("/staff/conflicts",
				Map.of("creditCode", this.creditCode, "relationship", "CONSULTANCY", "startedOn", "2025-01-01"), null);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("_csrf");
		assertThat(declarations()).isEqualTo(before);

		HttpResponse<String> done = reviewer.submit("/staff/conflicts", "/staff/conflicts",
				Map.of("creditCode", this.creditCode, "clientName", CLIENT, "relationship", "CONSULTANCY",
						"description", "2024 年为其做过售后服务体系咨询", "startedOn", "2024-03-01", "endedOn", "2024-06-30"));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(declarations()).isEqualTo(before + 1);
		assertThat(reviewer.get("/staff/conflicts").body()).contains("2024 年为其做过售后服务体系咨询", "咨询");
		assertThat(new StaffBrowser(this.port).login("quality", "quality").get("/staff/conflicts").body())
			.contains("利益冲突登记册", "2024 年为其做过售后服务体系咨询");

		HttpResponse<String> tooLong = reviewer.get("/staff/cases?q=" + "x".repeat(201));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("查询内容（q）");
	}

	/** R-GRD-DMN: the quality manager sees each version's approval and cases. */
	/**
	 * Issue 19.3 and acceptance (R-COMP-1, PCEC 8.1): the qualifications register page —
	 * every staff member reads it from the header, only quality managers register; bad
	 * input answers 400 with each wrong field named in Chinese and highlighted, and
	 * nothing is added.
	 */
	@Test
	void shouldRegisterAQualificationOnThePageOnlyForQualityManagersAndRefuseBadInputNamingTheField() throws Exception {
		StaffBrowser reviewer = new StaffBrowser(this.port).login("reviewer", "reviewer");
		HttpResponse<String> read = reviewer.get("/staff/qualifications");
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("人员资格登记", "href=\"/staff/qualifications\"").doesNotContain("登记资格");
		long before = qualifications();
		// the page has no form for a reviewer: the session's token from another page
		HttpResponse<String> notAKeeper = reviewer.submit("/staff/conflicts", "/staff/qualifications",
				Map.of("userId", "auditor", "role", "AUDITOR", "schemeId", "PCEC", "technicalArea", "01", "validFrom",
						"2026-01-01", "validUntil", "2027-12-31", "evidence", "注册证书 X-1"));
		assertThat(notAKeeper.statusCode()).isEqualTo(403);

		StaffBrowser quality = new StaffBrowser(this.port).login("quality", "quality");
		HttpResponse<String> bad = quality.submit("/staff/qualifications", "/staff/qualifications",
				Map.of("userId", "nobody-here", "role", "AUDITOR", "schemeId", "PCEC", "technicalArea", "1.7",
						"validFrom", "2026-01-01", "validUntil", "2025-12-31", "evidence", "注册证书 X-1"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("人员账号：没有账号", "技术领域：技术领域代码须如 01.07", "有效期至：有效期至不能早于有效期自")
			.containsPattern("name=\"technicalArea\"[^>]*class=\"invalid\"")
			.doesNotContainPattern("name=\"evidence\"[^>]*class=\"invalid\"");
		assertThat(qualifications()).isEqualTo(before);

		HttpResponse<String> added = quality.submit("/staff/qualifications", "/staff/qualifications",
				Map.of("userId", "auditor", "role", "AUDITOR", "schemeId", "PCEC", "technicalArea", "35", "validFrom",
						"2026-01-01", "validUntil", "2027-12-31", "evidence", "注册证书 X-1"));
		assertThat(added.statusCode()).as(added.body().replaceAll("(?s).*<ul class=\"problems\">(.*?)</ul>.*", "$1"))
			.isEqualTo(200);
		assertThat(added.body()).contains("已登记：auditor");
		assertThat(qualifications()).isEqualTo(before + 1);
	}

	private long qualifications() {
		return this.jdbc.sql("select count(*) from qualification").query(Long.class).single();
	}

	@Test
	void shouldShowEveryTableVersionWithApprovalApproverCasesAndTheVersionInForce() throws Exception {
		StaffBrowser quality = new StaffBrowser(this.port).login("quality", "quality");
		HttpResponse<String> tables = quality.get("/staff/decision-tables");
		assertThat(tables.statusCode()).isEqualTo(200);
		assertThat(tables.body()).contains("grade-pcec", "audit-time", "已批准", "现行版本", "release");
		long id = this.jdbc.sql("select id from decision_approval where decision_key = 'grade-pcec' order by id")
			.query(Long.class)
			.list()
			.get(0);
		HttpResponse<String> approval = quality.get("/staff/decision-tables/approvals/" + id);
		assertThat(approval.statusCode()).isEqualTo(200);
		assertThat(approval.body()).contains("回归用例", "通过");
		assertThat(quality.get("/staff/decision-tables/approvals/999999").statusCode()).isEqualTo(404);
		assertThat(quality.get("/staff/decision-tables/approvals/abc").statusCode()).isEqualTo(400);
	}

	/**
	 * PCEC 10.2, R-SUR-1, R-PLAN-1, issue 22's forecast: each certificate issued today
	 * brings one surveillance in the month of its first anniversary, with the person-days
	 * of the audit-time table for its headcount; the PCEC one (120 people, lead) and the
	 * CQM one (40 people, lead2) are counted in total, by scheme and by team (the lead
	 * auditor of the certificate's last audit); the application at its decision is work
	 * in progress.
	 */
	@Test
	void shouldShowManagersWorkInProgressCertificatesAndTheAuditsDueInAYearByMonthSchemeAndTeam() throws Exception {
		LocalDate today = EngineTime.today();
		AuditForecast.Forecast forecast = this.forecast.forecast(today, 13);
		List<AuditForecast.Month> months = forecast.months();
		assertThat(months).hasSize(13);
		AuditForecast.Month anniversary = months.get(12);
		assertThat(anniversary.month()).isEqualTo(YearMonth.from(today.plusYears(1)));
		int pcecDays = this.auditTime.personDays(120, AuditType.SURVEILLANCE);
		int cqmDays = this.auditTime.personDays(40, AuditType.SURVEILLANCE);
		assertThat(pcecDays).as("a larger client, a longer audit").isGreaterThan(cqmDays);
		assertThat(anniversary.surveillances()).isEqualTo(2);
		assertThat(anniversary.personDays()).isEqualTo(pcecDays + cqmDays);
		assertThat(months.stream().mapToInt(AuditForecast.Month::audits).sum()).as("second year and expiry later")
			.isEqualTo(2);
		assertThat(forecast.schemes())
			.extracting(AuditForecast.Line::name, AuditForecast.Line::audits, AuditForecast.Line::personDays)
			.containsExactly(tuple("CQM", 1, cqmDays), tuple("PCEC", 1, pcecDays));
		assertThat(forecast.teams())
			.extracting(AuditForecast.Line::name, AuditForecast.Line::audits, AuditForecast.Line::personDays)
			.containsExactly(tuple("lead", 1, pcecDays), tuple(SECOND_LEAD, 1, cqmDays));
		assertThat(forecast.teams().get(1).months().get(12).audits()).as("in the anniversary month").isEqualTo(1);

		HttpResponse<String> page = new StaffBrowser(this.port).login("manager", "manager").get("/staff/dashboard");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("复核与认证决定", "认证决定人员（待认领）", "有效", anniversary.month().toString(),
				"<td>" + (pcecDays + cqmDays) + "</td>", "按方案", "按审查组", "<td>" + SECOND_LEAD + "</td>",
				"<td>1（" + cqmDays + "）</td>", "<td>1（" + pcecDays + "）</td>");
	}

	private long declarations() {
		return this.jdbc.sql("select count(*) from conflict_of_interest").query(Long.class).single();
	}

}
