package cn.certflow.notification;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The notices to a client and their e-mail delivery (R-APP-3, R-DEC-2, R-CERT-1), in a
 * {@code @WebMvcTest} slice of {@link ClientNoticeController} with the notices mocked
 * (issue 17 point 4): the notices of an application the caller may not see are 404 naming
 * the number and are not read (issue 15.4); those of one they may see show who wrote
 * each, whether and to whom it was e-mailed, or why not. Writing and delivering notices
 * stay proven by NoticesTest and ClientNoticeDeliveryTest.
 */
@ApiControllerSlice(ClientNoticeController.class)
class ClientNoticeControllerSliceTest {

	private static final String NUMBER = "APP-2026-000001";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClientNoticeService notices;

	@MockitoBean
	ApiAccess access;

	@Test
	void shouldNotShowTheNoticesOfAnApplicationTheCallerMayNotSee() throws Exception {
		willThrow(new NotFoundException("No application " + NUMBER)).given(this.access).requireApplication(NUMBER);
		this.mvc.perform(get("/api/applications/" + NUMBER + "/notices"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("number"));
		verifyNoInteractions(this.notices);
	}

	@Test
	void shouldShowEachNoticeWithItsDelivery() throws Exception {
		OffsetDateTime written = OffsetDateTime.parse("2026-02-03T10:00:00+08:00");
		given(this.notices.ofApplication(NUMBER)).willReturn(List.of(
				new ClientNotice(1, NUMBER, "天津某家电有限公司", "contact@example.cn", "APPLICATION_REJECTED", "申请资料不全",
						"reviewer", written, NoticeDelivery.SENT, "contact@example.cn", 1, written.plusMinutes(1),
						"mailer", null, written.plusMinutes(1), "91120106MA05K1XX7B", null, null, null),
				new ClientNotice(2, NUMBER, "天津某家电有限公司", null, "CERTIFICATE_ISSUED", "证书已颁发", "decider",
						written.plusDays(30), NoticeDelivery.NOT_SENT, null, 0, null, null, "没有联系人电子邮箱，请邮寄", null,
						"91120106MA05K1XX7B", "PCEC-2026-000001", null, null)));
		this.mvc.perform(get("/api/applications/" + NUMBER + "/notices"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("APPLICATION_REJECTED"))
			.andExpect(jsonPath("$[0].createdBy").value("reviewer"))
			.andExpect(jsonPath("$[0].delivery").value("SENT"))
			.andExpect(jsonPath("$[0].recipient").value("contact@example.cn"))
			.andExpect(jsonPath("$[1].delivery").value("NOT_SENT"))
			.andExpect(jsonPath("$[1].deliveryNote").value("没有联系人电子邮箱，请邮寄"));
	}

}
