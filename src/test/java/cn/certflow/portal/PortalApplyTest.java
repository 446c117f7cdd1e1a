package cn.certflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import cn.certflow.application.InitialCertification;
import cn.certflow.document.DocumentInfo;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.support.ClientHttp;
import cn.certflow.support.ClientHttp.Multipart;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 point 1: a client applies in the portal. The form has every field of the
 * application and a file input for each document the applicant submits; submitting starts
 * {@code initial-certification} under the signed-in account's credit code (never typed),
 * stores the files on the new application and shows the application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class PortalApplyTest {

	static final String TIANJIN = "91350100M000100Y43";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationService applications;

	@Autowired
	Documents documents;

	@Autowired
	RuntimeService runtime;

	@Autowired
	StatusHistory history;

	@Test
	void shouldStartTheCertificationWithTheFilesUnderTheAccountsCreditCode() {
		ClientHttp browser = ClientHttp.portal(this.port, "client", "client");
		HttpResponse<String> form = browser.get("/portal/apply");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("申请售后服务认证", TIANJIN, "name=\"file_BUSINESS_LICENSE\"",
				"name=\"clientAddress\"", "name=\"sites\"");
		assertThat(form.body()).as("the credit code is the account's, never typed")
			.doesNotContain("name=\"creditCode\"");

		List<DocumentType> mandatory = Arrays.stream(DocumentType.values())
			.filter(t -> t.fromApplicant() && t.mandatoryFor("CQM"))
			.toList();
		Multipart application = new Multipart().field("clientName", "天津海河家电售后服务有限公司")
			.field("clientAddress", "天津市红桥区丁字沽三号路85号")
			.field("legalStatus", "有限责任公司")
			.field("schemeId", "CQM")
			.field("requestedStars", "3")
			.field("technicalArea", "01.07")
			.field("categories", "家用电器安装维修\n家用电器销售")
			.field("sites", "天津市红桥区丁字沽三号路85号\r\n天津市南开区卫津路92号")
			.field("headcount", "40")
			.field("contactEmail", "service@haihe.example");
		for (DocumentType type : mandatory) {
			application.file("file_" + type.name(), type.name().toLowerCase() + ".pdf", "application/pdf",
					("%PDF-1.4 " + type.title()).getBytes(StandardCharsets.UTF_8));
		}
		HttpResponse<String> submitted = browser.postMultipart("/portal/apply", application);

		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
		String location = submitted.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/portal/applications/APP-\\d{4}-\\d{6}$");
		String number = location.substring(location.lastIndexOf('/') + 1);
		ApplicationRecord record = this.applications.get(number);
		assertThat(record.creditCode()).isEqualTo(TIANJIN);
		assertThat(record.schemeId()).isEqualTo("CQM");
		assertThat(record.status()).isEqualTo(ApplicationStatus.RECEIVED);
		assertThat(record.sites()).contains("天津市红桥区丁字沽三号路85号", "天津市南开区卫津路92号");
		assertThat(record.contactEmail()).isEqualTo("service@haihe.example");
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceId(record.processInstanceId())
			.singleResult();
		assertThat(instance).as("initial-certification started").isNotNull();
		assertThat(instance.getBusinessKey()).isEqualTo(number);
		assertThat(instance.getProcessDefinitionId()).startsWith(InitialCertification.KEY + ":");
		List<DocumentInfo> files = this.documents.list(DocumentOwner.application(number));
		assertThat(files).extracting(DocumentInfo::type).containsExactlyInAnyOrderElementsOf(mandatory);
		assertThat(files).extracting(DocumentInfo::uploadedBy).containsOnly("client");
		assertThat(this.history.of(StatusHistory.Entity.APPLICATION, number)).first()
			.as("the application's record names the client account that submitted it")
			.satisfies(c -> assertThat(c.changedBy()).isEqualTo("client"));
		assertThat(this.documents.missingMandatory(DocumentOwner.application(number)))
			.as("only the reviewer's credit lookup is left (R-CRED-1)")
			.containsExactly(DocumentType.CREDIT_CHECK_SCREENSHOT);
	}

	@Test
	void shouldKeepStaffOutOfTheApplyPage() {
		assertThat(ClientHttp.basic(this.port, "reviewer", "reviewer").get("/portal/apply").statusCode())
			.isEqualTo(403);
		assertThat(new ClientHttp(this.port).get("/portal/apply").statusCode()).as("to the login page").isEqualTo(302);
	}

}
