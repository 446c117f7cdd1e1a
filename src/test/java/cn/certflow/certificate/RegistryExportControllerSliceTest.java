package cn.certflow.certificate;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.GroupCheck;
import cn.certflow.security.Groups;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.EngineTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The certificate registry for periodic filings (CNCA 认证信息报送, IAF CertSearch), in a
 * {@code @WebMvcTest} slice of {@link RegistryExportController} with the export mocked
 * (issue 17 point 4): only those who see every certificate (issue 15.4) export it; the
 * JSON lists the entries, the CSV is a download named after today. The entries' content
 * and the CSV's escaping stay proven by RegistryExportTest and RegistryCsvInjectionTest.
 */
@ApiControllerSlice(RegistryExportController.class)
class RegistryExportControllerSliceTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RegistryExport export;

	@MockitoBean
	ApiAccess access;

	private static RegistryEntry entry() {
		return new RegistryEntry("PCEC-2026-000001", 1, "active", "有效", LocalDate.of(2026, 3, 1), null, "初次认证", "PCEC",
				"PCEC-2026", "GB/T 27922", "四星", 4, "天津某家电有限公司", "91120106MA05K1XX7B", "天津市西青区某路 1 号", "天津", 120,
				"家用电器的设计和生产", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2029, 2, 28), "张签发",
				"lead", "lead,auditor", 3, LocalDate.of(2026, 2, 10), "APP-2026-000001", "天津认证中心");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { Groups.AUDITORS, Groups.LEAD_AUDITORS, Groups.CLIENTS })
	void shouldExportOnlyToThoseWhoSeeEveryCertificate(String group) throws Exception {
		GroupCheck.callerIn(this.access, "someone", group);
		this.mvc.perform(get("/api/certificates/export.json")).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/certificates/export.csv")).andExpect(status().isForbidden());
		verifyNoInteractions(this.export);
	}

	@Test
	void shouldListTheEntriesAsJson() throws Exception {
		GroupCheck.callerIn(this.access, "decider", Groups.DECISION_MAKERS);
		given(this.export.entries()).willReturn(List.of(entry()));
		this.mvc.perform(get("/api/certificates/export.json"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].certificateNumber").value("PCEC-2026-000001"))
			.andExpect(jsonPath("$[0].status").value("active"))
			.andExpect(jsonPath("$[0].statusZh").value("有效"))
			.andExpect(jsonPath("$[0].expiresOn").value("2029-02-28"));
	}

	@Test
	void shouldDownloadTheCsvNamedAfterToday() throws Exception {
		GroupCheck.callerIn(this.access, "reviewer", Groups.REVIEWERS);
		List<RegistryEntry> entries = List.of(entry());
		byte[] csv = "证书编号\r\nPCEC-2026-000001\r\n".getBytes(StandardCharsets.UTF_8);
		given(this.export.entries()).willReturn(entries);
		given(this.export.csv(entries)).willReturn(csv);
		this.mvc.perform(get("/api/certificates/export.csv"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/csv;charset=UTF-8"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"certificates-" + EngineTime.today() + ".csv\""))
			.andExpect(content().bytes(csv));
	}

}
