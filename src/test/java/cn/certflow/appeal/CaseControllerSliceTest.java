package cn.certflow.appeal;

import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.stream.Stream;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.GroupCheck;
import cn.certflow.security.Groups;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-APL-1 appeals and complaints registered as they arrive, in a {@code @WebMvcTest}
 * slice of {@link CaseController} with the cases mocked (issue 17 point 4, issue 15 bad
 * input): a body that is not a case answers 400 naming the field, only reviewers and
 * quality managers register (managers only read, issue 15.4), a case the caller may not
 * see is 404 — and no case is received. The case's own checks (kind, lengths, e-mail, an
 * appeal names what it contests) stay proven by BadInputIT and
 * AppealComplaintProcessTest.
 */
@ApiControllerSlice(CaseController.class)
class CaseControllerSliceTest {

	private static final String VALID = """
			{"kind": "COMPLAINT", "certificateNumber": "PCEC-2026-000001", "complainant": "王先生",
			 "subject": "维修收费未明示", "description": "售后维修时收费未事先告知"}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AppealCaseService cases;

	@MockitoBean
	ApiAccess access;

	static Stream<Arguments> badCases() {
		return Stream.of(Arguments.of("not JSON", "kind=COMPLAINT", "body"),
				Arguments.of("a list of cases", "[" + VALID + "]", "body"),
				Arguments.of("unknown property", VALID.replace("{", "{\"urgent\": true, "), "urgent"),
				Arguments.of("kind a number", VALID.replace("\"COMPLAINT\"", "2"), "kind"),
				Arguments.of("complainant an object", VALID.replace("\"王先生\"", "{\"name\": \"王先生\"}"), "complainant"),
				Arguments.of("e-mail a list", VALID.replace("{", "{\"complainantEmail\": [\"a@b.cn\"], "),
						"complainantEmail"),
				Arguments.of("truncated", VALID.substring(0, 40), "body"));
	}

	@ParameterizedTest(name = "{0} → 400 {2}")
	@MethodSource("badCases")
	void shouldRefuseABodyThatIsNotACaseNamingTheFieldWithoutReceivingIt(String name, String body, String field)
			throws Exception {
		GroupCheck.callerIn(this.access, "reviewer", Groups.REVIEWERS);
		this.mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
		verifyNoInteractions(this.cases);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { Groups.MANAGERS, Groups.DECISION_MAKERS, Groups.AUDITORS })
	void shouldLetOnlyReviewersAndQualityManagersRegisterACase(String group) throws Exception {
		GroupCheck.callerIn(this.access, "someone", group);
		this.mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.cases);
	}

	@Test
	void shouldReceiveTheCaseAsTheQualityManagerAndPointToIt() throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		AppealCaseService.CaseBody body = new AppealCaseService.CaseBody("COMPLAINT", "PCEC-2026-000001", null, "王先生",
				"维修收费未明示", "售后维修时收费未事先告知");
		given(this.cases.receive(body, "quality")).willReturn("CASE-2026-000003");
		this.mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/cases/CASE-2026-000003"))
			.andExpect(jsonPath("$.caseNumber").value("CASE-2026-000003"));
	}

	@Test
	void shouldShowACaseTheCallerMaySee() throws Exception {
		OffsetDateTime received = OffsetDateTime.parse("2026-05-04T09:30:00+08:00");
		given(this.cases.get("CASE-2026-000003"))
			.willReturn(new CaseRecord(3, "CASE-2026-000003", "COMPLAINT", "PCEC-2026-000001", "APP-2026-000001", "王先生",
					"维修收费未明示", "售后维修时收费未事先告知", "lead,auditor", "reviewer", received, received.plusDays(5), null, null,
					null, null, null, null, null, null, null, null, "RECEIVED"));
		this.mvc.perform(get("/api/cases/CASE-2026-000003"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value("CASE-2026-000003"))
			.andExpect(jsonPath("$.kind").value("COMPLAINT"))
			.andExpect(jsonPath("$.subject").value("维修收费未明示"))
			.andExpect(jsonPath("$.receivedBy").value("reviewer"))
			.andExpect(jsonPath("$.status").value("RECEIVED"));
	}

	@Test
	void shouldNotShowACaseTheCallerMayNotSee() throws Exception {
		// issue 15.4: the persons a case is about do not see it; 404 as for no case
		willThrow(new NotFoundException("No case CASE-2026-000003")).given(this.access).requireCase("CASE-2026-000003");
		this.mvc.perform(get("/api/cases/CASE-2026-000003"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.errors[0].field").value("number"));
		verifyNoInteractions(this.cases);
	}

}
