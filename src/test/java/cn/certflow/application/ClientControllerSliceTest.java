package cn.certflow.application;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.GroupCheck;
import cn.certflow.security.Groups;
import cn.certflow.system.ApiControllerSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-ID-1 a client on record and the history of its record, in a {@code @WebMvcTest} slice
 * of {@link ClientController} with the register mocked (issue 17 point 4): staff only, a
 * credit code not on record is 404 naming {@code creditCode}, and the record is shown
 * with every change to it. How the record follows the applications stays proven by
 * IdentifiersFromRecordsTest.
 */
@ApiControllerSlice(ClientController.class)
class ClientControllerSliceTest {

	private static final String CREDIT_CODE = "91120106MA05K1XX7B";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ClientRegister clients;

	@MockitoBean
	ApiAccess access;

	@Test
	void shouldShowTheRecordOnlyToStaff() throws Exception {
		GroupCheck.callerIn(this.access, "client", Groups.CLIENTS);
		this.mvc.perform(get("/api/clients/" + CREDIT_CODE)).andExpect(status().isForbidden());
		verifyNoInteractions(this.clients);
	}

	@Test
	void shouldAnswerACreditCodeNotOnRecordWith404NamingIt() throws Exception {
		GroupCheck.callerIn(this.access, "auditor", Groups.AUDITORS);
		this.mvc.perform(get("/api/clients/91000000000000000X"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("No client on record under 91000000000000000X"))
			.andExpect(jsonPath("$.errors[0].field").value("creditCode"));
	}

	@Test
	void shouldShowTheClientWithTheHistoryOfItsRecord() throws Exception {
		GroupCheck.callerIn(this.access, "reviewer", Groups.REVIEWERS);
		given(this.clients.onRecord(CREDIT_CODE))
			.willReturn(Optional.of(new ClientRecord(5, CREDIT_CODE, "天津新名称有限公司", "天津市西青区某路 1 号", "有限责任公司")));
		given(this.clients.history(CREDIT_CODE)).willReturn(List
			.of(new ClientHistoryEntry(ClientHistoryEntry.REGISTERED, "APP-2026-000001", null, null, null, "天津某家电有限公司",
					"天津市西青区某路 1 号", "有限责任公司", null, "reviewer", OffsetDateTime.parse("2026-01-05T09:00:00+08:00"))));
		this.mvc.perform(get("/api/clients/" + CREDIT_CODE))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.client.creditCode").value(CREDIT_CODE))
			.andExpect(jsonPath("$.client.name").value("天津新名称有限公司"))
			.andExpect(jsonPath("$.history[0].kind").value(ClientHistoryEntry.REGISTERED))
			.andExpect(jsonPath("$.history[0].applicationNumber").value("APP-2026-000001"))
			.andExpect(jsonPath("$.history[0].newName").value("天津某家电有限公司"));
	}

}
