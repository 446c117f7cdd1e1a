package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import cn.certflow.staff.StaffBrowser;
import cn.certflow.system.EngineTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 19 ("staff never need curl"), R-SUS-1, R-SUR-2: the certification body's requests
 * about a certificate from its staff page, with the Tasklist login: a decision maker
 * suspends it; each form is shown only to the groups the API allows (README "Requests"):
 * a reviewer sees no withdrawal form and its POST answers 403; bad input answers 400
 * naming the field in Chinese; CSRF as on every staff form — and nothing recorded when
 * refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffCertificateRequestsTest {

	@LocalServerPort
	int port;

	@Autowired
	LifecycleDriver driver;

	@Autowired
	CertificateService certificates;

	@Autowired
	JdbcClient jdbc;

	String suspended;

	String kept;

	@BeforeAll
	void certifyTwo() {
		this.suspended = this.driver.certify(3, 0);
		this.kept = this.driver.certify(3, 0);
	}

	private int requests() {
		return this.jdbc.sql("select count(*) from certificate_request").query(Integer.class).single();
	}

	private static String page(String number) {
		return "/staff/certificates/" + number;
	}

	@Test
	@DisplayName("R-SUS-1: the decision maker suspends the certificate from its page; the page shows it suspended")
	void shouldSuspendFromTheCertificatePage() throws Exception {
		StaffBrowser decider = new StaffBrowser(this.port).login("decider", "decider");
		HttpResponse<String> before = decider.get(page(this.suspended));
		assertThat(before.body())
			.contains("id=\"suspension-form\"", "id=\"withdrawal-form\"", "id=\"event-form\"", "经查实由获证组织责任的媒体曝光")
			.as("enum values shown as words")
			.doesNotContain(">MEDIA_EXPOSURE_PROVEN<");

		HttpResponse<String> sent = decider.submit(page(this.suspended), page(this.suspended) + "/suspension",
				Map.of("requestedBy", "CB", "reason", "监督审查发现严重不符合"));

		assertThat(sent.statusCode()).as(sent::body).isEqualTo(302);
		assertThat(this.certificates.get(this.suspended).statusOn(EngineTime.today()))
			.isEqualTo(CertificateStatus.SUSPENDED);
		HttpResponse<String> after = decider.get(page(this.suspended) + "?done=SUSPENSION");
		assertThat(after.body()).contains("暂停证书：已提交", "监督审查发现严重不符合", "decider");

		HttpResponse<String> again = decider.submit(page(this.suspended), page(this.suspended) + "/suspension",
				Map.of("requestedBy", "CB", "reason", "再次暂停"));
		assertThat(again.statusCode()).as("a suspended certificate is not suspended twice").isEqualTo(409);
		assertThat(again.body()).contains("未提交", "已处于暂停状态");
	}

	@Test
	@DisplayName("R-SUS-1: withdrawal is a certification decision — a reviewer sees no withdrawal form and its POST answers 403, nothing recorded")
	void shouldKeepTheWithdrawalFromReviewers() throws Exception {
		StaffBrowser reviewer = new StaffBrowser(this.port).login("reviewer", "reviewer");
		HttpResponse<String> shown = reviewer.get(page(this.kept));
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("id=\"suspension-form\"", "id=\"cancellation-form\"", "id=\"change-form\"")
			.doesNotContain("id=\"withdrawal-form\"");
		int before = requests();

		HttpResponse<String> refused = reviewer.submit(page(this.kept), page(this.kept) + "/withdrawal",
				Map.of("reason", "列入严重失信名单"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("撤销证书", "认证决定人员");
		assertThat(requests()).isEqualTo(before);
		assertThat(this.certificates.get(this.kept).statusOn(EngineTime.today())).isEqualTo(CertificateStatus.VALID);

		StaffBrowser auditor = new StaffBrowser(this.port).login("auditor", "auditor");
		assertThat(auditor.get(page(this.kept)).body()).as("an auditor sends none of these")
			.doesNotContain("id=\"suspension-form\"", "办理证书事项");
	}

	@Test
	@DisplayName("bad input on the certificate page → 400 naming the field in Chinese, highlighted; no CSRF → 403; nothing recorded")
	void shouldRefuseBadInputNamingTheField() throws Exception {
		StaffBrowser decider = new StaffBrowser(this.port).login("decider", "decider");
		int before = requests();

		HttpResponse<String> noReason = decider.submit(page(this.kept), page(this.kept) + "/cancellation",
				Map.of("reason", " "));
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("原因（reason）：必填", "未提交，未做任何修改");

		HttpResponse<String> event = decider.submit(page(this.kept), page(this.kept) + "/events",
				Map.of("kind", "MEDIA_EXPOSURE_PROVEN", "occurredOn", "2026-13-01", "evidence", "报道"));
		assertThat(event.statusCode()).isEqualTo(400);
		assertThat(event.body()).contains("发生日期（occurredOn）", "invalid");

		HttpResponse<String> kind = decider.submit(page(this.kept), page(this.kept) + "/events",
				Map.of("kind", "EARTHQUAKE", "occurredOn", "2026-01-01", "evidence", "报道"));
		assertThat(kind.statusCode()).isEqualTo(400);
		assertThat(kind.body()).contains("类型（kind）");

		HttpResponse<String> forged = decider.post(page(this.kept) + "/cancellation", Map.of("reason", "伪造"), null);
		assertThat(forged.statusCode()).isEqualTo(403);

		assertThat(requests()).isEqualTo(before);
		assertThat(this.certificates.get(this.kept).statusOn(EngineTime.today())).isEqualTo(CertificateStatus.VALID);
	}

}
