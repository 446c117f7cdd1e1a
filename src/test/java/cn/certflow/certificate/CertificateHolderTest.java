package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import cn.certflow.application.CertificationDriver;
import cn.certflow.application.ClientHistoryEntry;
import cn.certflow.application.ClientRegister;
import cn.certflow.application.InitialCertification;
import cn.certflow.certificate.CertificateLifecycle.Elements;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * R-ID-1 (issue 16), PCEC 13.1(3) and 12.1(1)/(2): the holder on a certificate is the
 * name and address the application carries after review. A returning client that applies
 * under its credit code with another name and address is shown to the reviewer beside the
 * client on record; accepting needs the reviewer's confirmation, which updates the record
 * (kept in its history) and opens change requests on the certificates the client holds.
 * Read back where people see it: the certificate PDF, the public lookup, the registry
 * export.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class CertificateHolderTest {

	static final String OLD_NAME = "天津某某电器服务有限公司";

	static final String OLD_ADDRESS = "天津市红桥区丁字沽三号路85号";

	static final String NEW_NAME = "福州闽江家电售后服务有限公司";

	static final String NEW_ADDRESS = "福州市鼓楼区五四路100号";

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LifecycleDriver lifecycle;

	@Autowired
	CertifiedClients clients;

	@Autowired
	ClientRegister register;

	@Autowired
	ApplicationService applications;

	@Autowired
	CertificateService certificates;

	@Autowired
	CertificateRequestRepository requests;

	@Autowired
	CertificateRequests changeRequests;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		// HTTP Basic is checked by Camunda's filter against the engine registered as
		// "default"
		ProcessEngines.registerProcessEngine(this.engine);
		this.lifecycle.moveTo(LocalDate.of(2026, 3, 10));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	CertificationDriver driver() {
		return this.lifecycle.certification();
	}

	@Test
	void shouldIssueInTheAppliedNameAndAddress_onlyAfterTheReviewerConfirmsTheClientsNewRecord() throws IOException {
		// a certified client on record, then a new application under its credit code with
		// another name and address
		ApplicationRequest first = CertificationDriver.request("PCEC", 3, 120);
		Certificate held = this.clients.certify(first, 0);
		ApplicationRequest renamed = applyAs(first, NEW_NAME, NEW_ADDRESS);
		String number = this.driver().submit(renamed);
		this.driver().uploadMandatoryDocuments(number);

		// the review form shows the client on record beside the application, and the
		// certificate it concerns
		Task review = this.driver().task(number, InitialCertification.Elements.REVIEW_APPLICATION);
		assertThat(review.getName()).as("task titles carry the applied name").contains(NEW_NAME);
		Map<String, Object> form = this.tasks.getVariables(review.getId());
		assertThat(form).containsEntry("clientName", NEW_NAME)
			.containsEntry("clientAddress", NEW_ADDRESS)
			.containsEntry("recordedClientName", OLD_NAME)
			.containsEntry("recordedClientAddress", OLD_ADDRESS)
			.containsEntry("clientRecordDiffers", true);
		assertThat((String) form.get("clientChangeCertificates")).contains(held.number(), "名称及地址变更", "PCEC 12.1(2)");

		// accept without confirming: 400 naming the field, in Chinese, and nothing
		// changed
		ResponseEntity<String> refused = submitForm("reviewer", review.getId(),
				CertificationDriver.acceptance(Map.of()));
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("confirmClientChange", "确认申请组织的新名称和地址", OLD_NAME, NEW_NAME);
		assertThat(this.driver().task(number, InitialCertification.Elements.REVIEW_APPLICATION)).isNotNull();
		assertThat(this.applications.get(number).status()).isEqualTo(ApplicationStatus.RECEIVED);
		assertThat(this.register.onRecord(first.creditCode()).orElseThrow().name()).isEqualTo(OLD_NAME);
		assertThat(this.register.history(first.creditCode())).extracting(ClientHistoryEntry::kind)
			.containsExactly(ClientHistoryEntry.REGISTERED);
		assertThat(this.requests.of(held.number())).isEmpty();

		// the reviewer confirms: the record takes the applied name and address, with its
		// history
		this.driver()
			.complete("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION,
					CertificationDriver.acceptance(Map.of("confirmClientChange", true)));
		assertThat(this.register.onRecord(first.creditCode()).orElseThrow())
			.satisfies(c -> assertThat(c.name()).isEqualTo(NEW_NAME))
			.satisfies(c -> assertThat(c.address()).isEqualTo(NEW_ADDRESS));
		List<ClientHistoryEntry> history = this.register.history(first.creditCode());
		assertThat(history).hasSize(2);
		assertThat(history.get(1)).satisfies(h -> {
			assertThat(h.kind()).isEqualTo(ClientHistoryEntry.CONFIRMED);
			assertThat(h.applicationNumber()).isEqualTo(number);
			assertThat(h.oldName()).isEqualTo(OLD_NAME);
			assertThat(h.newName()).isEqualTo(NEW_NAME);
			assertThat(h.oldAddress()).isEqualTo(OLD_ADDRESS);
			assertThat(h.newAddress()).isEqualTo(NEW_ADDRESS);
			assertThat(h.changedBy()).isEqualTo("reviewer");
			assertThat(h.changedAt()).isNotNull();
			assertThat(h.certificates()).contains(held.number());
		});
		JsonNode onRecord = getJson("reviewer", "/api/clients/" + first.creditCode());
		assertThat(onRecord.at("/client/name").asText()).isEqualTo(NEW_NAME);
		assertThat(onRecord.at("/history/1/oldName").asText()).isEqualTo(OLD_NAME);

		// PCEC 12.1(2): the certificate held goes through the change path (address
		// changed: audited), not edited
		assertThat(this.requests.of(held.number())).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo("PREMISES");
			assertThat(r.newHolderName()).isEqualTo(NEW_NAME);
			assertThat(r.newHolderAddress()).isEqualTo(NEW_ADDRESS);
			assertThat(r.requestedBy()).isEqualTo("reviewer");
		});
		assertThat(this.certificates.get(held.number()).holderName()).as("until reissued").isEqualTo(OLD_NAME);

		// the new application's certificate: PDF, public lookup and registry export carry
		// the applied name
		Certificate issued = certifyAccepted(number);
		assertThat(issued.holderName()).isEqualTo(NEW_NAME);
		assertThat(issued.holderAddress()).isEqualTo(NEW_ADDRESS);
		assertThat(issued.creditCode()).isEqualTo(first.creditCode());
		String pdf = pdfText(issued.number());
		assertThat(pdf).contains(NEW_NAME, NEW_ADDRESS).doesNotContain(OLD_NAME, OLD_ADDRESS);
		JsonNode lookup = JSON
			.readTree(this.http.getForEntity("/api/certificates/" + issued.number(), String.class).getBody());
		assertThat(lookup.get("holder").asText()).isEqualTo(NEW_NAME);
		Map<String, Object> exported = exportEntry(issued.number());
		assertThat(exported).containsEntry("holderName", NEW_NAME).containsEntry("address", NEW_ADDRESS);
	}

	@Test
	void shouldReissueACertifiedClientsCertificateUnderItsNewName_throughAReviewedChangeRequest() {
		// PCEC 12.1(1): a name change is reviewed on documents and reissued; the
		// lifecycle's tasks carry the new name
		ApplicationRequest first = CertificationDriver.request("PCEC", 3, 120);
		Certificate held = this.clients.certify(first, 0);
		String number = this.driver().submit(applyAs(first, NEW_NAME, first.clientAddress()));
		this.driver().uploadMandatoryDocuments(number);
		assertThat((String) this.tasks
			.getVariables(this.driver().task(number, InitialCertification.Elements.REVIEW_APPLICATION).getId())
			.get("clientChangeCertificates")).contains(held.number(), "名称变更", "PCEC 12.1(1)");

		this.driver()
			.complete("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION,
					CertificationDriver.acceptance(Map.of("confirmClientChange", true)));

		assertThat(this.requests.of(held.number())).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo("NAME");
			assertThat(r.newHolderName()).isEqualTo(NEW_NAME);
		});
		Task changeReview = this.driver().task(held.number(), Elements.REVIEW_CHANGE_REQUEST);
		assertThat(changeReview).as("the existing change path: a reviewer reviews the change request").isNotNull();
		this.driver()
			.complete("reviewer", held.number(), Elements.REVIEW_CHANGE_REQUEST,
					Map.of("changeReviewOutcome", "ACCEPT", "changeReviewNotes", "营业执照已变更"));

		Certificate reissued = this.certificates.get(held.number());
		assertThat(reissued.holderName()).isEqualTo(NEW_NAME);
		assertThat(reissued.holderAddress()).isEqualTo(first.clientAddress());
		assertThat(reissued.revision()).isEqualTo(2);
		assertThat(this.certificates.revisions(held.number()).get(0).recalledOn()).isNotNull();
		assertThat(this.runtime.getVariable(this.lifecycle.lifecycle(held.number()).getId(), "clientName"))
			.as("the lifecycle reads the holder's name again after the change")
			.isEqualTo(NEW_NAME);
	}

	@Test
	void shouldRecordWhatASuspendedCertificateNeeds_whenItsHoldersNameChanges() {
		// a suspended certificate is not reissued: the change is recorded as due, and the
		// form says so
		ApplicationRequest first = CertificationDriver.request("PCEC", 3, 120);
		Certificate held = this.clients.certify(first, 0);
		this.jdbc.sql("update certificate set status = 'SUSPENDED' where number = ?").param(held.number()).update();
		String number = this.driver().submit(applyAs(first, NEW_NAME, first.clientAddress()));
		this.driver().uploadMandatoryDocuments(number);
		assertThat((String) this.tasks
			.getVariables(this.driver().task(number, InitialCertification.Elements.REVIEW_APPLICATION).getId())
			.get("clientChangeCertificates")).contains(held.number(), "暂停", "须另行提出变更申请");

		this.driver()
			.complete("reviewer", number, InitialCertification.Elements.REVIEW_APPLICATION,
					CertificationDriver.acceptance(Map.of("confirmClientChange", true)));

		assertThat(this.requests.of(held.number())).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(CertificateRequest.HOLDER_CHANGE_DUE);
			assertThat(r.status()).isEqualTo(CertificateRequest.OPEN);
			assertThat(r.newHolderName()).isEqualTo(NEW_NAME);
		});
		assertThat(this.driver().task(held.number(), Elements.REVIEW_CHANGE_REQUEST)).isNull();
		assertThat(this.register.history(first.creditCode()).get(1).certificates()).contains(held.number(), "已记录待办");
	}

	@Test
	void shouldNeedNoConfirmation_whereTheApplicationMatchesTheRecord_orIsRejected() {
		ApplicationRequest first = CertificationDriver.request("PCEC", 3, 120);
		String same = this.driver().submit(first);
		this.driver().acceptApplication(same);
		assertThat(this.tasks.createTaskQuery().processInstanceBusinessKey(same).list()).isNotEmpty();
		assertThat(this.register.history(first.creditCode())).singleElement()
			.satisfies(h -> assertThat(h.applicationNumber()).isEqualTo(same));

		String other = this.driver().submit(applyAs(first, "ZHHT", NEW_NAME, NEW_ADDRESS));
		this.driver()
			.complete("reviewer", other, InitialCertification.Elements.REVIEW_APPLICATION,
					Map.of("reviewOutcome", "REJECT", "rejectionReason", "营业执照名称与申请不符"));
		assertThat(this.register.onRecord(first.creditCode()).orElseThrow().name()).isEqualTo(OLD_NAME);
		assertThat(this.register.history(first.creditCode())).hasSize(1);
	}

	@Test
	void shouldRemindAtIssue_whenTheClientsRecordChangedAfterTheApplicationsReview() {
		// two applications of one client in progress; the later one's reviewer confirms a
		// new name: the earlier one is
		// still certified as reviewed (PCEC 13.1(3)), and its certificate gets a reminder
		// that its name change is due
		// (PCEC 12.1(1)): its lifecycle, started in the same command, takes no change
		// request before it commits
		ApplicationRequest first = CertificationDriver.request("PCEC", 3, 120);
		String earlier = this.driver().submit(first);
		this.driver().acceptApplication(earlier);
		String later = this.driver().submit(applyAs(first, "ZHHT", NEW_NAME, first.clientAddress()));
		this.driver().uploadMandatoryDocuments(later);
		assertThat((String) this.tasks
			.getVariables(this.driver().task(later, InitialCertification.Elements.REVIEW_APPLICATION).getId())
			.get("clientChangeCertificates")).as("the form names the application in progress").contains(earlier);
		this.driver()
			.complete("reviewer", later, InitialCertification.Elements.REVIEW_APPLICATION,
					CertificationDriver.acceptance(Map.of("confirmClientChange", true)));

		Certificate issued = certifyAccepted(earlier);

		assertThat(issued.holderName()).isEqualTo(OLD_NAME);
		assertThat(this.requests.of(issued.number())).singleElement().satisfies(r -> {
			assertThat(r.kind()).isEqualTo(CertificateRequest.HOLDER_CHANGE_DUE);
			assertThat(r.status()).isEqualTo(CertificateRequest.OPEN);
			assertThat(r.newHolderName()).isEqualTo(NEW_NAME);
			assertThat(r.requestedBy()).isEqualTo("decider");
		});

		// the change request filed afterwards reissues it and closes the reminder
		this.changeRequests.change(issued.number(),
				new CertificateRequests.ChangeBody("NAME", "工商变更", NEW_NAME, null, null, null, null), "reviewer");
		this.driver()
			.complete("reviewer", issued.number(), Elements.REVIEW_CHANGE_REQUEST,
					Map.of("changeReviewOutcome", "ACCEPT", "changeReviewNotes", "营业执照已变更"));
		assertThat(this.certificates.get(issued.number()).holderName()).isEqualTo(NEW_NAME);
		assertThat(this.requests.of(issued.number()))
			.allSatisfy(r -> assertThat(r.status()).isEqualTo(CertificateRequest.DONE));
	}

	// --- helpers

	/**
	 * The same client (credit code, legal status) applying again for PCEC 4★ with this
	 * name and address.
	 */
	static ApplicationRequest applyAs(ApplicationRequest request, String name, String address) {
		return applyAs(request, "PCEC", name, address);
	}

	static ApplicationRequest applyAs(ApplicationRequest request, String schemeId, String name, String address) {
		return new ApplicationRequest(name, address, request.creditCode(), request.legalStatus(), schemeId, 4,
				request.technicalArea(), request.categories(), List.of(address), request.headcount(),
				CertificationDriver.declaredDocuments(schemeId));
	}

	/**
	 * The accepted application through contract, documents, audit and decision; the
	 * certificate issued.
	 */
	Certificate certifyAccepted(String number) {
		this.driver().signContract(number);
		this.driver().reviewAndPlan(number, "lead", "auditor");
		this.driver().openAndEvaluate(number, "lead", "auditor");
		this.driver().score(number, "lead", "PCEC", 0);
		this.driver().closeMeeting(number, "lead", "");
		return this.clients.decide(number);
	}

	String pdfText(String certificateNumber) throws IOException {
		ResponseEntity<byte[]> response = this.http.withBasicAuth("reviewer", "reviewer")
			.getForEntity("/api/certificates/" + certificateNumber + "/document.pdf", byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
			return new PDFTextStripper().getText(pdf);
		}
	}

	Map<String, Object> exportEntry(String certificateNumber) {
		ResponseEntity<List<Map<String, Object>>> response = this.http.withBasicAuth("manager", "manager")
			.exchange("/api/certificates/export.json", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody()
			.stream()
			.filter(e -> certificateNumber.equals(e.get("certificateNumber")))
			.findFirst()
			.orElseThrow();
	}

	JsonNode getJson(String user, String path) throws IOException {
		ResponseEntity<String> response = this.http.withBasicAuth(user, user).getForEntity(path, String.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return JSON.readTree(response.getBody());
	}

	/** Submits a task form as Tasklist does, through Camunda's REST API. */
	ResponseEntity<String> submitForm(String user, String taskId, Map<String, Object> variables) {
		Map<String, Object> camunda = new HashMap<>();
		variables.forEach((name, value) -> camunda.put(name, Collections.singletonMap("value", value)));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.http.withBasicAuth(user, user)
			.exchange("/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST,
					new HttpEntity<>(Map.of("variables", camunda), headers), String.class);
	}

}
