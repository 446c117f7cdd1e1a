package cn.certflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertifiedClients;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.notification.ClientNotice;
import cn.certflow.system.NotFoundException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 (client portal and client API): {@link ClientRecords} answers only about the
 * signed-in client. Client A is certified (application, certificate, revision, notice,
 * documents), client B has an application of its own; each sees its own records, and
 * asking for the other's number or id answers exactly as a number that does not exist
 * (404 naming the same field with the same wording).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRecordsTest {

	@Autowired
	ClientRecords records;

	@Autowired
	CertificationDriver driver;

	@Autowired
	CertifiedClients certified;

	@Autowired
	ApplicationService applications;

	ClientAccount a;

	ClientAccount b;

	Certificate certificate;

	String applicationA;

	String applicationB;

	@BeforeAll
	void certifyClientAAndLetClientBApply() {
		this.certificate = this.certified.certify(CertificationDriver.request("PCEC", 3, 50), 0);
		ApplicationRecord appA = this.applications.byId(this.certificate.applicationId());
		this.applicationA = appA.number();
		this.applicationB = this.driver.submit(CertificationDriver.request("PCEC", 3, 50));
		ApplicationRecord appB = this.applications.get(this.applicationB);
		this.driver.upload(this.applicationB, DocumentType.APPLICATION_FORM);
		this.a = new ClientAccount("client-a", appA.clientId(), appA.creditCode(), appA.clientName(), null);
		this.b = new ClientAccount("client-b", appB.clientId(), appB.creditCode(), appB.clientName(), null);
	}

	@Test
	void shouldListOnlyTheClientsOwnApplicationsAndCertificates() {
		assertThat(this.records.applications(this.a)).extracting(ApplicationRecord::number)
			.containsExactly(this.applicationA);
		assertThat(this.records.applications(this.b)).extracting(ApplicationRecord::number)
			.containsExactly(this.applicationB);
		assertThat(this.records.certificates(this.a)).extracting(Certificate::number)
			.containsExactly(this.certificate.number());
		assertThat(this.records.certificates(this.b)).isEmpty();
		assertThat(this.records.application(this.a, this.applicationA).status().name()).isEqualTo("CERTIFIED");
		assertThat(this.records.certificate(this.a, this.certificate.number()).status().name()).isEqualTo("VALID");
		assertThat(this.records.revisions(this.a, this.certificate.number())).hasSize(1);
	}

	@Test
	void shouldAnswerAnotherClientsNumberExactlyAsAMissingOne() {
		assertNotFound(() -> this.records.application(this.b, this.applicationA), "number",
				"没有编号为 " + this.applicationA + " 的申请");
		assertNotFound(() -> this.records.application(this.b, "APP-NO-SUCH"), "number", "没有编号为 APP-NO-SUCH 的申请");
		assertNotFound(() -> this.records.certificate(this.b, this.certificate.number()), "number",
				"没有编号为 " + this.certificate.number() + " 的证书");
		assertNotFound(() -> this.records.certificate(this.b, "CERT-NO-SUCH"), "number", "没有编号为 CERT-NO-SUCH 的证书");
		assertNotFound(() -> this.records.revisions(this.b, this.certificate.number()), "number",
				"没有编号为 " + this.certificate.number() + " 的证书");
		assertNotFound(() -> this.records.requests(this.b, this.certificate.number()), "number",
				"没有编号为 " + this.certificate.number() + " 的证书");
		assertNotFound(() -> this.records.applicationTimeline(this.b, this.applicationA), "number",
				"没有编号为 " + this.applicationA + " 的申请");
		assertNotFound(() -> this.records.certificateTimeline(this.b, this.certificate.number()), "number",
				"没有编号为 " + this.certificate.number() + " 的证书");
	}

	@Test
	void shouldShowDocumentsOfTheClientsOwnOwnersOnly() {
		DocumentOwner ownerA = DocumentOwner.application(this.applicationA);
		List<DocumentInfo> documents = this.records.documents(this.a, ownerA);
		assertThat(documents).extracting(DocumentInfo::type).contains(DocumentType.BUSINESS_LICENSE);
		assertThat(documents.get(0).sha256()).hasSize(64);
		long idOfA = documents.get(0).id();
		assertThat(this.records.document(this.a, idOfA).content()).isNotEmpty();

		assertNotFound(() -> this.records.documents(this.b, ownerA), "owner", "没有编号为 " + this.applicationA + " 的申请");
		assertNotFound(() -> this.records.documents(this.b, DocumentOwner.application("APP-NO-SUCH")), "owner",
				"没有编号为 APP-NO-SUCH 的申请");
		assertNotFound(() -> this.records.document(this.b, idOfA), "id", "没有编号为 " + idOfA + " 的文件");
		assertNotFound(() -> this.records.document(this.b, 987_654_321L), "id", "没有编号为 987654321 的文件");
		assertNotFound(() -> this.records.missingDocuments(this.b, ownerA), "owner",
				"没有编号为 " + this.applicationA + " 的申请");
		assertNotFound(() -> this.records.documents(this.b, DocumentOwner.certificate(this.certificate.number())),
				"owner", "没有编号为 " + this.certificate.number() + " 的证书");
		assertThat(this.records.owns(this.b, new DocumentOwner(DocumentOwner.Kind.REQUEST, "not-a-number"))).isFalse();
		// PCEC 6.2: B declared its documents but uploaded only the application form
		assertThat(this.records.missingDocuments(this.b, DocumentOwner.application(this.applicationB)))
			.doesNotContain(DocumentType.APPLICATION_FORM)
			.isNotEmpty();
	}

	@Test
	void shouldKeepEachClientsInboxToItself() {
		List<ClientNotice> inboxA = this.records.notices(this.a);
		assertThat(inboxA).extracting(ClientNotice::kind).contains("CERTIFICATE_ISSUED");
		assertThat(this.records.notices(this.b)).extracting(ClientNotice::creditCode)
			.doesNotContain(this.a.creditCode());
		long noticeOfA = inboxA.get(0).id();
		assertThat(this.records.notice(this.a, noticeOfA).id()).isEqualTo(noticeOfA);
		assertNotFound(() -> this.records.notice(this.b, noticeOfA), "id", "没有编号为 " + noticeOfA + " 的通知");
	}

	@Test
	void shouldTellTheTimelineInPlainChinese() {
		List<TimelineEntry> application = this.records.applicationTimeline(this.a, this.applicationA);
		assertThat(application).extracting(TimelineEntry::what)
			.contains("认证申请已收到", "认证合同已签订")
			.anyMatch(w -> w.startsWith("申请状态：") && w.endsWith("已认证"));
		// no code shown as such (RECEIVED…); certificate and application numbers
		// (PCEC-2026-000003) are words the client knows
		assertThat(application).extracting(TimelineEntry::what)
			.noneMatch(w -> w.replaceAll("[A-Z]+-\\d{4}-\\d{6}", "").matches(".*[A-Z_]{4,}.*"));
		assertThat(application).isSortedAccordingTo((x, y) -> x.at().compareTo(y.at()));

		List<TimelineEntry> certificate = this.records.certificateTimeline(this.a, this.certificate.number());
		assertThat(certificate).extracting(TimelineEntry::what).contains("证书状态：有效", "证书有效期至");
		assertThat(certificate).anyMatch(e -> e.what().startsWith("收到通知："));
	}

	private static void assertNotFound(Runnable call, String field, String message) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(NotFoundException.class, ex -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

}
