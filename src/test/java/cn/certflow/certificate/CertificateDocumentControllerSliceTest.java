package cn.certflow.certificate;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-CERT-1 the certificate document for staff to print or send, in a {@code @WebMvcTest}
 * slice of {@link CertificateDocumentController} with the certificates and the document
 * mocked (issue 17 point 4): a certificate the caller may not see is 404 naming the
 * number and nothing is rendered; one they may see is a PDF shown inline, named after its
 * number and revision. The document's content stays proven by CertificateDocumentTest.
 */
@ApiControllerSlice(CertificateDocumentController.class)
class CertificateDocumentControllerSliceTest {

	private static final String NUMBER = "PCEC-2026-000001";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CertificateService certificates;

	@MockitoBean
	CertificateDocument document;

	@MockitoBean
	ApiAccess access;

	@Test
	void shouldNotRenderTheDocumentOfACertificateTheCallerMayNotSee() throws Exception {
		willThrow(new NotFoundException("No certificate " + NUMBER)).given(this.access).requireCertificate(NUMBER);
		this.mvc.perform(get("/api/certificates/" + NUMBER + "/document.pdf"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("number"));
		verifyNoInteractions(this.certificates, this.document);
	}

	@Test
	void shouldShowTheCurrentRevisionAsAPdfNamedAfterIt() throws Exception {
		Certificate certificate = new Certificate(NUMBER, 17, 2, "天津认证中心", "天津新名称有限公司", "天津市西青区某路 1 号",
				"91120106MA05K1XX7B", "家用电器的设计和生产", "PCEC", "PCEC-2026", "GB/T 27922", 4, "四星", "grade-pcec", 3,
				"得分 92", LocalDate.of(2026, 6, 1), LocalDate.of(2029, 2, 28), "张签发", CertificateStatus.VALID);
		byte[] pdf = "%PDF-1.7 证书".getBytes(StandardCharsets.UTF_8);
		given(this.certificates.get(NUMBER)).willReturn(certificate);
		given(this.document.render(certificate)).willReturn(pdf);
		this.mvc.perform(get("/api/certificates/" + NUMBER + "/document.pdf"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", "inline; filename=\"" + NUMBER + "-v2.pdf\""))
			.andExpect(content().bytes(pdf));
	}

}
