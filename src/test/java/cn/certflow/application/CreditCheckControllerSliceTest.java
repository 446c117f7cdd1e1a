package cn.certflow.application;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.NotFoundException;
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
 * R-CRED-1 (PCEC 7.1, ZHHT 5.2.1 a) credit-information lookups over the API (issue 17
 * point 4, issue 20.1 bad input): what the controller and our error handling decide
 * alone, in a slice of {@link CreditCheckController} with the record mocked — a body that
 * is not a list of lookups is refused naming the field, only reviewers record, a number
 * the caller may not see is 404, and the record is never touched. The lookups' own checks
 * (kind, result, date, screenshot) stay proven by BadInputIT and the process tests.
 */
@ApiControllerSlice(CreditCheckController.class)
class CreditCheckControllerSliceTest {

	private static final String PATH = "/api/applications/APP-2026-000001/credit-checks";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CreditChecks creditChecks;

	@MockitoBean
	ApiAccess access;

	static Stream<Arguments> badBodies() {
		return Stream.of(Arguments.of("an object, not a list", "{\"kind\": \"ABNORMAL_OPERATION_LIST\"}", "checks"),
				Arguments.of("a list of texts", "[\"无异常\"]", "checks"), Arguments.of("not JSON", "kind=x", "body"),
				Arguments.of("truncated", "[{\"kind\": ", "body"));
	}

	@ParameterizedTest(name = "{0} → 400 {2}")
	@MethodSource("badBodies")
	void shouldRefuseABodyThatIsNotAListOfLookupsWithoutTouchingTheRecord(String name, String body, String field)
			throws Exception {
		given(this.access.requireAnyGroup(Groups.REVIEWERS)).willReturn("reviewer");
		this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
		verifyNoInteractions(this.creditChecks);
	}

	@Test
	void shouldLetOnlyReviewersRecordWhateverTheBody() throws Exception {
		// issue 15.4: a manager gets 403 before the body is read
		given(this.access.requireAnyGroup(Groups.REVIEWERS))
			.willThrow(new AuthorizationException("manager 不在 cb-reviewers 组"));
		this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"not\": \"a list\"}"))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.creditChecks);
	}

	@Test
	void shouldNotShowTheLookupsOfAnApplicationTheCallerMayNotSee() throws Exception {
		willThrow(new NotFoundException("application APP-2026-000001")).given(this.access)
			.requireApplication(anyString());
		this.mvc.perform(get(PATH)).andExpect(status().isNotFound());
		verifyNoInteractions(this.creditChecks);
	}

}
