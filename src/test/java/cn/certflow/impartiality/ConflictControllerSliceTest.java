package cn.certflow.impartiality;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.Stream;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.ApiControllerSlice;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-DEC-1 register of conflicts of interest (issue 17 point 4, issue 15 bad input): the
 * rows the controller and our error handling decide alone, in a {@code @WebMvcTest} slice
 * of {@link ConflictController} with its service mocked — each bad declaration answers
 * 400 naming the field and the register is never touched; a caller outside the staff, or
 * a staff member reading someone else's declarations, gets 403. The whole HTTP stack
 * stays proven by BadInputIT and ConflictOfInterestTest.
 */
@ApiControllerSlice(ConflictController.class)
class ConflictControllerSliceTest {

	private static final String VALID = """
			{"creditCode": "91120106MA05K1XX7B", "relationship": "CONSULTANCY", "startedOn": "2025-01-01"}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ConflictOfInterest conflicts;

	@MockitoBean
	ApiAccess access;

	/** Mocked by the slice; stubbed here: who the caller is. */
	@Autowired
	IdentityService identity;

	@BeforeEach
	void staffMember() {
		given(this.access.requireAnyGroup(any(String[].class))).willReturn("auditor");
		given(this.identity.getCurrentAuthentication()).willReturn(new Authentication("auditor", List.of("auditors")));
	}

	static Stream<Arguments> badDeclarations() {
		return Stream.of(
				Arguments.of("no credit code", VALID.replace("\"creditCode\": \"91120106MA05K1XX7B\", ", ""),
						"creditCode"),
				Arguments.of("unknown relationship", VALID.replace("CONSULTANCY", "FRIENDSHIP"), "relationship"),
				Arguments.of("no relationship", VALID.replace("\"relationship\": \"CONSULTANCY\", ", ""),
						"relationship"),
				Arguments.of("date not a date", VALID.replace("2025-01-01", "去年"), "startedOn"),
				Arguments.of("no start date", VALID.replace(", \"startedOn\": \"2025-01-01\"", ""), "startedOn"),
				Arguments.of("unknown property", VALID.replace("{", "{\"shoeSize\": 42, "), "shoeSize"),
				Arguments.of("description too long",
						VALID.replace("{", "{\"description\": \"" + "长".repeat(2001) + "\", "), "description"),
				Arguments.of("not JSON", "creditCode=x", "body"));
	}

	@ParameterizedTest(name = "{0} → 400 {2}")
	@MethodSource("badDeclarations")
	void shouldRefuseABadDeclarationNamingTheFieldWithoutTouchingTheRegister(String name, String body, String field)
			throws Exception {
		this.mvc.perform(post("/api/conflicts").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
		verifyNoInteractions(this.conflicts);
	}

	@Test
	void shouldRefuseACallerOutsideTheStaffWithoutTouchingTheRegister() throws Exception {
		given(this.access.requireAnyGroup(any(String[].class))).willThrow(new AuthorizationException("client 不是本机构人员"));
		this.mvc.perform(post("/api/conflicts").contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/api/conflicts")).andExpect(status().isForbidden());
		verifyNoInteractions(this.conflicts);
	}

	@Test
	void shouldLetAStaffMemberReadOnlyTheirOwnDeclarations() throws Exception {
		this.mvc.perform(get("/api/conflicts").param("userId", "lead")).andExpect(status().isForbidden());
		verifyNoInteractions(this.conflicts);
		this.mvc.perform(get("/api/conflicts")).andExpect(status().isOk());
	}

}
