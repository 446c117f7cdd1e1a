package cn.certflow.certificate;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.EngineTime;
import cn.certflow.system.NotFoundException;
import cn.certflow.system.StatusHistory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-CERT-2 public certificate verification and the staff's status history, in a
 * {@code @WebMvcTest} slice of {@link CertificateController} with the certificates mocked
 * (issue 17 point 4): anyone sees a certificate's face and its status as of today (PCEC
 * 13.2: past its validity it is expired) and nothing else of the record, an unknown
 * number is 404 naming it, and the history of a certificate the caller may not see is 404
 * without reading it. The public lookup's rate limit and the authentication of the
 * history stay proven by PublicLookupRateLimitTest and ApiSecurityIT.
 */
@ApiControllerSlice(CertificateController.class)
class CertificateControllerSliceTest {

	private static final String NUMBER = "PCEC-2026-000001";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CertificateService certificates;

	@MockitoBean
	StatusHistory history;

	@MockitoBean
	ApiAccess access;

	/** A certificate recorded as valid, issued on the day for three years. */
	private static Certificate validCertificate(LocalDate issuedOn) {
		return new Certificate(NUMBER, 17, 2, "天津认证中心", "天津某家电有限公司", "天津市西青区某路 1 号", "91120106MA05K1XX7B", "家用电器的设计和生产",
				"PCEC", "PCEC-2026", "GB/T 27922", 4, "四星", "grade-pcec", 3, "得分 92", issuedOn,
				issuedOn.plusYears(3).minusDays(1), "张签发", CertificateStatus.VALID);
	}

	@Test
	void shouldShowAnyoneTheFaceOfTheCertificateAndNothingElse() throws Exception {
		LocalDate today = EngineTime.today();
		given(this.certificates.get(NUMBER)).willReturn(validCertificate(today));
		this.mvc.perform(get("/api/certificates/" + NUMBER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(NUMBER))
			.andExpect(jsonPath("$.holder").value("天津某家电有限公司"))
			.andExpect(jsonPath("$.scope").value("家用电器的设计和生产"))
			.andExpect(jsonPath("$.stars").value(4))
			.andExpect(jsonPath("$.grade").value("四星"))
			.andExpect(jsonPath("$.issuedOn").value(today.toString()))
			.andExpect(jsonPath("$.expiresOn").value(today.plusYears(3).minusDays(1).toString()))
			.andExpect(jsonPath("$.status").value("VALID"))
			.andExpect(jsonPath("$.certificationBody").value("天津认证中心"))
			.andExpect(jsonPath("$.creditCode").doesNotExist())
			.andExpect(jsonPath("$.holderAddress").doesNotExist())
			.andExpect(jsonPath("$.signatory").doesNotExist())
			.andExpect(jsonPath("$.gradeExplanation").doesNotExist());
		verifyNoInteractions(this.access, this.history);
	}

	@Test
	void shouldShowAValidCertificatePastItsValidityAsExpired() throws Exception {
		given(this.certificates.get(NUMBER)).willReturn(validCertificate(LocalDate.of(2017, 3, 1)));
		this.mvc.perform(get("/api/certificates/" + NUMBER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("EXPIRED"));
	}

	@Test
	void shouldAnswerAnUnknownNumberWith404NamingIt() throws Exception {
		given(this.certificates.get("PCEC-1999-999999"))
			.willThrow(new NotFoundException("No certificate PCEC-1999-999999"));
		this.mvc.perform(get("/api/certificates/PCEC-1999-999999"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("No certificate PCEC-1999-999999"))
			.andExpect(jsonPath("$.errors[0].field").value("number"));
	}

	@Test
	void shouldShowTheStatusHistoryToStaffWhoMaySeeTheCertificate() throws Exception {
		given(this.history.of(StatusHistory.Entity.CERTIFICATE, NUMBER))
			.willReturn(List.of(new StatusHistory.Change("VALID", "SUSPENDED", "decider",
					OffsetDateTime.parse("2026-05-04T09:30:00+08:00"), "监督审核不通过", "certificate-lifecycle", "pi-1")));
		this.mvc.perform(get("/api/certificates/" + NUMBER + "/history"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].fromStatus").value("VALID"))
			.andExpect(jsonPath("$[0].toStatus").value("SUSPENDED"))
			.andExpect(jsonPath("$[0].changedBy").value("decider"))
			.andExpect(jsonPath("$[0].reason").value("监督审核不通过"));
	}

	@Test
	void shouldNotShowTheHistoryOfACertificateTheCallerMayNotSee() throws Exception {
		willThrow(new NotFoundException("No certificate " + NUMBER)).given(this.access).requireCertificate(NUMBER);
		this.mvc.perform(get("/api/certificates/" + NUMBER + "/history"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("number"));
		verifyNoInteractions(this.history, this.certificates);
	}

}
