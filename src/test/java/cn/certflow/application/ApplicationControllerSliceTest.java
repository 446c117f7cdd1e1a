package cn.certflow.application;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import cn.certflow.document.Documents;
import cn.certflow.security.ApiAccess;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.NotFoundException;
import cn.certflow.system.StatusHistory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-APP-1, issue 15 (bad input anywhere → 4xx naming the field, nothing changed): the
 * rows of BadInputIT and ApiSecurityIT that the controller and our error handling decide
 * alone, in a {@code @WebMvcTest} slice of {@link ApplicationController} with its
 * services mocked: each answers its 4xx naming the field, and the service is never
 * called. The whole HTTP stack (authentication filter, the real services, PostgreSQL)
 * stays proven by BadInputIT and ApiSecurityIT.
 */
@ApiControllerSlice(ApplicationController.class)
class ApplicationControllerSliceTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ApplicationService applications;

	@MockitoBean
	Documents documents;

	@MockitoBean
	StatusHistory history;

	@MockitoBean
	ApiAccess access;

	/** A valid application as JSON, with {@code changes} applied. */
	private static String application(Map<String, Object> changes) throws Exception {
		ApplicationRequest valid = CertificationDriver.request("PCEC", 3, 10);
		@SuppressWarnings("unchecked")
		Map<String, Object> body = new LinkedHashMap<>(JSON.convertValue(valid, Map.class));
		body.putAll(changes);
		return JSON.writeValueAsString(body);
	}

	static Stream<Arguments> badApplications() throws Exception {
		String valid = application(Map.of());
		return Stream.of(Arguments.of("not JSON", "clientName=x", MediaType.APPLICATION_JSON, 400, "body"),
				Arguments.of("JSON array body", "[1,2]", MediaType.APPLICATION_JSON, 400, "body"),
				Arguments.of("empty body", "", MediaType.APPLICATION_JSON, 400, "body"),
				Arguments.of("truncated JSON", valid.substring(0, 40), MediaType.APPLICATION_JSON, 400, "body"),
				Arguments.of("unknown property", application(Map.of("shoeSize", 42)), MediaType.APPLICATION_JSON, 400,
						"shoeSize"),
				Arguments.of("headcount is text", application(Map.of("headcount", "many")), MediaType.APPLICATION_JSON,
						400, "headcount"),
				Arguments.of("headcount beyond int",
						valid.replaceFirst("\"headcount\":10", "\"headcount\":99999999999"), MediaType.APPLICATION_JSON,
						400, "headcount"),
				Arguments.of("requestedStars fractional", application(Map.of("requestedStars", 3.5)),
						MediaType.APPLICATION_JSON, 400, "requestedStars"),
				Arguments.of("clientName a number", application(Map.of("clientName", 42)), MediaType.APPLICATION_JSON,
						400, "clientName"),
				Arguments.of("categories not a list", application(Map.of("categories", "家电")),
						MediaType.APPLICATION_JSON, 400, "categories"),
				Arguments.of("text/plain body", valid, MediaType.TEXT_PLAIN, 415, "Content-Type"));
	}

	@ParameterizedTest(name = "{0} → {3} {4}")
	@MethodSource("badApplications")
	void shouldRefuseAMalformedApplicationNamingTheFieldWithoutCallingTheService(String name, String body,
			MediaType type, int status, String field) throws Exception {
		this.mvc.perform(post("/api/applications").contentType(type).content(body))
			.andExpect(status().is(status))
			.andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
		verifyNoInteractions(this.applications, this.documents);
	}

	@Test
	void shouldRefuseAnApplicationFromSomeoneOutsideTheReviewersWithoutCallingTheService() throws Exception {
		// issue 15.4: only cb-reviewers (and admins) register applications
		given(this.access.requireAnyGroup(any(), any()))
			.willThrow(new AuthorizationException("user auditor 不在 cb-reviewers 组"));
		this.mvc
			.perform(post("/api/applications").contentType(MediaType.APPLICATION_JSON).content(application(Map.of())))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.applications);
	}

	@Test
	void shouldRefuseAnUploadWithoutItsTypeNamingTheField() throws Exception {
		// PCEC 6.2: every document has its type
		this.mvc
			.perform(multipart("/api/applications/APP-2026-000001/documents")
				.file(new MockMultipartFile("file", "licence.pdf", "application/pdf", "%PDF-1.4".getBytes())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("type")));
		verifyNoInteractions(this.documents);
	}

	@Test
	void shouldRefuseADocumentIdThatIsNotANumberNamingIt() throws Exception {
		this.mvc.perform(get("/api/applications/APP-2026-000001/documents/abc"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(hasItem("id")));
		verifyNoInteractions(this.documents);
	}

	@Test
	void shouldNotShowAnApplicationTheCallerMayNotSee() throws Exception {
		// issue 15.4: a number tried reveals nothing: 404 as for one that does not exist
		willThrow(new NotFoundException("application APP-2026-000001")).given(this.access)
			.requireApplication(anyString());
		this.mvc.perform(get("/api/applications/APP-2026-000001")).andExpect(status().isNotFound());
		verifyNoInteractions(this.applications, this.documents);
	}

}
