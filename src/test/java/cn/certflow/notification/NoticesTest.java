package cn.certflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one notice service (issue 18 point 6): one template per kind, written in the
 * caller's transaction, read back per client, application and case.
 */
@SpringBootTest
@ActiveProfiles("test")
class NoticesTest {

	@Autowired
	Notices notices;

	@Autowired
	CertificationDriver driver;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Test
	void shouldWriteTheKindsTemplateIntoTheClientsInboxAndTheApplication() {
		ApplicationRequest request = CertificationDriver.request("PCEC", 3, 50);
		String number = this.driver.submit(request);

		this.notices.send(NoticeKind.APPLICATION_REJECTED, NoticeTo.application(number),
				Map.of("application", number, "client", "天津某某电器服务有限公司", "reason", "范围超出能力"), "reviewer");

		assertThat(this.notices.forApplication(number)).singleElement().satisfies((notice) -> {
			assertThat(notice.kind()).isEqualTo("APPLICATION_REJECTED");
			assertThat(notice.subject()).isEqualTo("[" + number + "] 认证申请未被受理");
			assertThat(notice.body()).isEqualTo("天津某某电器服务有限公司：您的认证申请 " + number + " 未被受理。原因：范围超出能力");
			assertThat(notice.delivery()).isEqualTo(NoticeDelivery.PENDING);
		});
		assertThat(this.notices.forClient(request.creditCode())).extracting(ClientNotice::applicationNumber)
			.containsExactly(number);
		assertThat(this.notices.forClient(CertificationDriver.newCreditCode())).isEmpty();
	}

	@Test
	void shouldWriteNothingWhenTheCallersTransactionRollsBack() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);

		long[] written = new long[1];
		transaction.executeWithoutResult((status) -> {
			written[0] = this.notices.send(NoticeKind.DOCUMENT_FINDINGS, NoticeTo.application(number),
					Map.of("application", number, "findings", "营业执照过期", "deadline", "2026-04-09"), "reviewer");
			status.setRollbackOnly();
		});

		assertThat(this.notices.forApplication(number)).isEmpty();
		assertThat(this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(NoticeDeliveryProcess.BUSINESS_KEY_PREFIX + written[0])
			.count()).as("nor its delivery job").isZero();
	}

	@Test
	void shouldRefuseANoticeWithAHoleInIt() {
		String number = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));

		assertThatThrownBy(() -> this.notices.send(NoticeKind.APPLICATION_REJECTED, NoticeTo.application(number),
				Map.of("application", number, "client", "某公司"), "reviewer"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("reason");
		assertThat(this.notices.forApplication(number)).isEmpty();
	}

	@Test
	void shouldWriteToAComplainantWithoutAnAccountByTheCase() {
		this.notices.send(NoticeKind.CASE_ACKNOWLEDGED, NoticeTo.caseOf("CASE-TEST-1", null, null, "zhang@example.com"),
				Map.of("complainant", "张先生", "kind", "投诉", "case", "CASE-TEST-1", "date", "2026-12-05", "text",
						"我们将在三十日内答复。"),
				"system");

		assertThat(this.notices.forCase("CASE-TEST-1")).singleElement().satisfies((notice) -> {
			assertThat(notice.contactEmail()).isEqualTo("zhang@example.com");
			assertThat(notice.subject()).isEqualTo("[CASE-TEST-1] 已收到您的投诉");
			assertThat(notice.applicationNumber()).isNull();
		});
	}

}
