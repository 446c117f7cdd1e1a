package cn.certflow.competence;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.ApiControllerSlice;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-COMP-1 qualification register (issue 17 point 4, issue 20.2 bad input): what the
 * controller and our error handling decide alone, in a {@code @WebMvcTest} slice of
 * {@link QualificationController} with the register mocked — a malformed body is refused
 * naming the field, only quality managers add, and the register is not touched. The
 * register's own field checks (role, scheme, dates, evidence) stay proven by BadInputIT
 * and CompetenceTest.
 */
@ApiControllerSlice(QualificationController.class)
class QualificationControllerSliceTest {

	private static final String VALID = """
			{"userId": "auditor", "role": "AUDITOR", "schemeId": "PCEC", "technicalArea": "01.07",
			 "validFrom": "2026-01-01", "validUntil": "2028-12-31", "evidence": "审查员注册证书"}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Qualifications qualifications;

	@MockitoBean
	ApiAccess access;

	static Stream<Arguments> badBodies() {
		return Stream.of(Arguments.of("not JSON", "role=AUDITOR", "body"), Arguments.of("JSON array", "[1, 2]", "body"),
				Arguments.of("unknown property", VALID.replace("{", "{\"salary\": 1, "), "salary"),
				Arguments.of("role an object", VALID.replace("\"AUDITOR\"", "{\"name\": \"AUDITOR\"}"), "role"),
				Arguments.of("truncated", VALID.substring(0, 30), "body"));
	}

	@ParameterizedTest(name = "{0} → 400 {2}")
	@MethodSource("badBodies")
	void shouldRefuseAMalformedQualificationNamingTheFieldWithoutTouchingTheRegister(String name, String body,
			String field) throws Exception {
		given(this.access.requireAnyGroup(any(String[].class))).willReturn("quality");
		this.mvc.perform(post("/api/qualifications").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
		verifyNoInteractions(this.qualifications);
	}

	@Test
	void shouldLetOnlyQualityManagersAddAndStaffRead() throws Exception {
		given(this.access.requireAnyGroup(QualificationController.KEEPERS))
			.willThrow(new AuthorizationException("reviewer 不在 quality-managers 组"));
		given(this.access.requireAnyGroup(ApiAccess.STAFF)).willReturn("reviewer");
		this.mvc.perform(post("/api/qualifications").contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.qualifications);
		this.mvc.perform(get("/api/qualifications")).andExpect(status().isOk());
	}

}
