package cn.certflow.accreditation;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.certflow.certificate.CertificateStatus;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.GroupCheck;
import cn.certflow.security.Groups;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The accreditation file of a certificate (ISO/IEC 17065 7.12 records), in a
 * {@code @WebMvcTest} slice of {@link AccreditationFileController} with the file's
 * builder and page mocked (issue 17 point 4): only quality managers, managers and
 * administrators get it, in every form; an unknown certificate is 404 naming the number;
 * a browser's {@code Accept} gets the HTML page, anything else JSON. What the file holds
 * stays proven by AccreditationFileTest.
 */
@ApiControllerSlice(AccreditationFileController.class)
class AccreditationFileControllerSliceTest {

	private static final String NUMBER = "PCEC-2026-000001";

	private static final String FILE = "/api/certificates/" + NUMBER + "/file";

	/** What a browser asks for when it opens a link. */
	private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AccreditationFileBuilder files;

	@MockitoBean
	AccreditationFileHtml html;

	@MockitoBean
	ApiAccess access;

	/** A file with its header and the certificate's face; the rest left out. */
	private static AccreditationFile file(String requestedBy) {
		return new AccreditationFile(
				new AccreditationFile.Generated(OffsetDateTime.parse("2026-05-04T09:30:00+08:00"), requestedBy,
						"认可评审用"),
				new AccreditationFile.CertificateFace(NUMBER, 1, "天津认证中心", "天津某家电有限公司", "天津市西青区某路 1 号",
						"91120106MA05K1XX7B", "家用电器的设计和生产", "PCEC", "PCEC-2026", "GB/T 27922", 4, "四星",
						LocalDate.of(2026, 3, 1), LocalDate.of(2029, 2, 28), "张签发", CertificateStatus.VALID,
						CertificateStatus.VALID),
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { Groups.REVIEWERS, Groups.DECISION_MAKERS, Groups.LEAD_AUDITORS, Groups.AUDITORS })
	void shouldGiveTheFileOnlyToQualityManagersManagersAndAdministrators(String group) throws Exception {
		GroupCheck.callerIn(this.access, "someone", group);
		this.mvc.perform(get(FILE)).andExpect(status().isForbidden());
		this.mvc.perform(get(FILE).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
		this.mvc.perform(get(FILE + ".json")).andExpect(status().isForbidden());
		this.mvc.perform(get(FILE + ".html")).andExpect(status().isForbidden());
		verifyNoInteractions(this.files, this.html);
	}

	@Test
	void shouldAnswerAnUnknownCertificateWith404NamingIt() throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		given(this.files.build(NUMBER, "quality")).willThrow(new NotFoundException("No certificate " + NUMBER));
		this.mvc.perform(get(FILE))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("number"));
		verifyNoInteractions(this.html);
	}

	@ParameterizedTest(name = "Accept: {0}")
	@CsvSource(delimiter = '|', nullValues = "none",
			value = { "none", "application/json", "*/*", "text/html;q=0.5, application/json", "text/plain" })
	void shouldAnswerJsonToAnythingButABrowser(String accept) throws Exception {
		GroupCheck.callerIn(this.access, "manager", Groups.MANAGERS);
		given(this.files.build(NUMBER, "manager")).willReturn(file("manager"));
		this.mvc.perform((accept != null) ? get(FILE).header(HttpHeaders.ACCEPT, accept) : get(FILE))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.generated.by").value("manager"))
			.andExpect(jsonPath("$.certificate.number").value(NUMBER))
			.andExpect(jsonPath("$.certificate.statusToday").value("VALID"));
		verifyNoInteractions(this.html);
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { BROWSER, "text/html" })
	void shouldAnswerABrowserWithTheFilesPage(String accept) throws Exception {
		GroupCheck.callerIn(this.access, "admin", Groups.ADMINS);
		AccreditationFile file = file("admin");
		given(this.files.build(NUMBER, "admin")).willReturn(file);
		given(this.html.render(file)).willReturn("<h1>认可档案 " + NUMBER + "</h1>");
		this.mvc.perform(get(FILE).header(HttpHeaders.ACCEPT, accept))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("认可档案 " + NUMBER)));
	}

	@Test
	void shouldAnswerEachSuffixInItsOwnForm() throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		given(this.files.build(NUMBER, "quality")).willReturn(file("quality"));
		given(this.html.render(any())).willReturn("<h1>认可档案</h1>");
		this.mvc.perform(get(FILE + ".html").accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/html;charset=UTF-8"));
		this.mvc.perform(get(FILE + ".json").header(HttpHeaders.ACCEPT, BROWSER))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.certificate.holderName").value("天津某家电有限公司"));
	}

}
