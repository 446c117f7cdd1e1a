package cn.certflow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.function.Supplier;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.LifecycleDriver;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.NotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 ("documents can be attached ... at any stage of the certificate's life") and
 * issue 19.2: a certificate, a request about it, a nonconformity's corrective action and
 * a complaint each take documents, each its own types, each shows what it still lacks,
 * each seen and added only by the staff its owning package names; a refused upload names
 * the field and stores nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentOwnersTest {

	private static final byte[] PDF = "%PDF-1.4\n% 证明文件\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

	@Autowired
	LifecycleDriver lifecycle;

	@Autowired
	Documents documents;

	@Autowired
	CertificateRequests requests;

	@Autowired
	AppealCaseService cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	DocumentOwner certificate;

	DocumentOwner request;

	DocumentOwner correctiveAction;

	DocumentOwner complaint;

	@BeforeAll
	void certifyAClientWithARequestAComplaintAndAnotherAuditWithANonconformity() {
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
		String number = this.lifecycle.certify(3, 0);
		this.certificate = DocumentOwner.certificate(number);
		this.request = DocumentOwner.request(this.requests.change(number,
				new CertificateRequests.ChangeBody("EXTENSION", "扩大到空调安装服务", null, null, "空调安装服务", null, null),
				"reviewer"));
		this.complaint = DocumentOwner.appealCase(this.cases.receive(
				new AppealCaseService.CaseBody("COMPLAINT", number, null, "王先生", "维修超时", "报修后五天无人上门"), "reviewer"));

		CertificationDriver driver = this.lifecycle.certification();
		ApplicationRequest applied = CertificationDriver.request("PCEC", 3, 120);
		String application = driver.submit(applied);
		driver.acceptApplication(application);
		driver.signContract(application);
		driver.reviewAndPlan(application, "lead", "auditor");
		driver.openAndEvaluate(application, "lead", "auditor");
		driver.score(application, "lead", applied.schemeId(), 0);
		driver.closeMeeting(application, "lead", "投诉处理记录不完整");
		this.correctiveAction = DocumentOwner.correctiveAction(this.jdbc
			.sql("select n.id from nonconformity n join audit a on a.id = n.audit_id"
					+ " join application ap on ap.id = a.application_id where ap.number = ?")
			.param(application)
			.query(Long.class)
			.single());
	}

	@Test
	void shouldTakeEachOwnersOwnDocumentTypesAndRefuseOthersNamingTheType() {
		upload(this.certificate, DocumentType.LICENCES_AND_PERMITS, "reviewer");
		upload(this.request, DocumentType.REQUEST_SUPPORTING_DOCUMENT, "reviewer");
		upload(this.complaint, DocumentType.CASE_MATERIAL, "reviewer");
		upload(this.correctiveAction, DocumentType.CORRECTIVE_ACTION_EVIDENCE, "lead");

		long before = count();
		assertRefused("type", () -> upload(this.certificate, DocumentType.CASE_MATERIAL, "reviewer"));
		assertRefused("type", () -> upload(this.request, DocumentType.CORRECTIVE_ACTION_EVIDENCE, "reviewer"));
		assertRefused("type", () -> upload(this.complaint, DocumentType.BUSINESS_LICENSE, "reviewer"));
		assertRefused("type", () -> upload(this.correctiveAction, DocumentType.APPLICATION_FORM, "lead"));
		assertThat(count()).isEqualTo(before);
		assertThat(this.documents.allowedTypes(this.correctiveAction))
			.containsExactly(DocumentType.CORRECTIVE_ACTION_EVIDENCE, DocumentType.OTHER);
	}

	/**
	 * R-AUD-3, PCEC 8.2.4: the evidence of a corrective action; R-EXT-1: the request's.
	 */
	@Test
	void shouldShowTheEvidenceAndSupportingDocumentAsMissingUntilUploaded() {
		DocumentOwner otherRequest = request("UPGRADE", CertificateRequest.OPEN);
		assertThat(this.documents.missingMandatory(otherRequest))
			.containsExactly(DocumentType.REQUEST_SUPPORTING_DOCUMENT);
		upload(otherRequest, DocumentType.REQUEST_SUPPORTING_DOCUMENT, "reviewer");
		assertThat(this.documents.missingMandatory(otherRequest)).isEmpty();
		assertThat(this.documents.missingMandatory(this.certificate)).isEmpty();
		assertThat(this.documents.missingMandatory(this.complaint)).isEmpty();
	}

	@Test
	void shouldLetOnlyTheStaffTheOwningPackageNamesSeeAndAdd() {
		// the audit team sees and adds a corrective action's evidence; a decider sees a
		// certificate but adds nothing; the complaint is not the decider's
		assertThat(as("auditor", () -> this.documents.requireStaffUploader(this.correctiveAction)))
			.isEqualTo("auditor");
		assertThat(as("decider", () -> this.documents.requireStaffReader(this.certificate))).isEqualTo("decider");
		assertThatThrownBy(() -> as("decider", () -> this.documents.requireStaffUploader(this.certificate)))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> as("decider", () -> this.documents.requireStaffReader(this.complaint)))
			.isInstanceOf(NotFoundException.class);
		assertThat(as("quality", () -> this.documents.requireStaffUploader(this.complaint))).isEqualTo("quality");
		assertThat(as("manager", () -> this.documents.requireStaffReader(this.request))).isEqualTo("manager");
		assertThatThrownBy(() -> as("manager", () -> this.documents.requireStaffUploader(this.request)))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> this.documents.list(DocumentOwner.request(999_999)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> this.documents.list(new DocumentOwner(DocumentOwner.Kind.CORRECTIVE_ACTION, "x")))
			.isInstanceOf(NotFoundException.class);
	}

	/**
	 * Issue 18 "Staff side": what was uploaded is listed, one link per file, in the
	 * variables the review forms show (correction verification, change request review),
	 * as soon as it is uploaded.
	 */
	@Test
	void shouldListEachUploadAsALinkInTheRunningProcessesThatReviewIt() {
		DocumentInfo evidence = upload(this.correctiveAction, DocumentType.CORRECTIVE_ACTION_EVIDENCE, "lead");
		assertThat(variables("correctiveActionDocuments")).isNotEmpty()
			.anySatisfy((text) -> assertThat(text).contains("**不符合项 " + this.correctiveAction.key() + "：投诉处理记录不完整**",
					"[纠正及纠正措施的证据：证明.pdf](/staff/documents/corrective-action/" + this.correctiveAction.key() + "/"
							+ evidence.id() + ")",
					"lead 上传"));
		DocumentInfo supporting = upload(this.request, DocumentType.REQUEST_SUPPORTING_DOCUMENT, "reviewer");
		assertThat(variables("requestDocuments")).isNotEmpty()
			.anySatisfy((text) -> assertThat(text).contains("申请事项 " + this.request.key() + "（扩大认证范围）",
					"](/staff/documents/request/" + this.request.key() + "/" + supporting.id() + ")"));
	}

	private java.util.List<String> variables(String name) {
		return this.runtime.createVariableInstanceQuery()
			.variableName(name)
			.list()
			.stream()
			.map((v) -> (String) v.getValue())
			.toList();
	}

	@Test
	void shouldRefuseUploadsToARequestThatIsDone() {
		DocumentOwner rejected = request("TRANSITION", CertificateRequest.REJECTED);
		long before = count();
		assertRefused("owner", () -> upload(rejected, DocumentType.OTHER, "reviewer"));
		assertThat(count()).isEqualTo(before);
	}

	/** A request about the certificate, as its lifecycle records one. */
	private DocumentOwner request(String kind, String status) {
		org.springframework.jdbc.support.GeneratedKeyHolder key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc
			.sql("insert into certificate_request (certificate_number, kind, description, requested_by, requested_at,"
					+ " status) values (?, ?, '测试申请事项', 'reviewer', current_timestamp, ?)")
			.params(this.certificate.key(), kind, status)
			.update(key, "id");
		return DocumentOwner.request(key.getKey().longValue());
	}

	private DocumentInfo upload(DocumentOwner owner, DocumentType type, String by) {
		return this.documents.upload(owner, type, "证明.pdf", "application/pdf", PDF, by);
	}

	private <T> T as(String user, Supplier<T> action) {
		Object[] result = new Object[1];
		this.lifecycle.certification().as(user, () -> result[0] = action.get());
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	private long count() {
		return this.jdbc.sql("select count(*) from document_file").query(Long.class).single();
	}

	private static void assertRefused(String field, Runnable action) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.problems()).extracting(InvalidInputException.FieldProblem::field)
					.containsExactly(field));
	}

}
