package cn.certflow.certificate;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import cn.certflow.certificate.CertificateRequests.ChangeBody;
import cn.certflow.certificate.CertificateRequests.EventBody;
import cn.certflow.certificate.CertificateRequests.ReasonBody;
import cn.certflow.certificate.CertificateRequests.TransitionBody;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.GroupCheck;
import cn.certflow.security.Groups;
import cn.certflow.system.ApiControllerSlice;
import cn.certflow.system.ConflictException;
import cn.certflow.system.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * What staff send to a certificate's lifecycle (R-CHG-1 change, R-EXT-1 extension,
 * R-UPG-1 upgrade, R-SUS-1 suspension, withdrawal and cancellation, R-SUR-2 events,
 * R-CHG-1 (3) transition deadline), in a {@code @WebMvcTest} slice of
 * {@link CertificateRequestController} with the requests mocked (issue 17 point 4): a
 * body that is not the request's JSON answers 400 naming the field, each request is sent
 * only by its roles (withdrawal, a certification decision, by decision makers alone), a
 * certificate the caller may not see is 404 — and in each case nothing is recorded. The
 * requests' own checks (kind, reason, dates, lengths, the certificate's state) stay
 * proven by CertificateRequestApiTest.
 */
@ApiControllerSlice(CertificateRequestController.class)
class CertificateRequestControllerSliceTest {

	private static final String NUMBER = "PCEC-2026-000001";

	private static final String CERTIFICATE = "/api/certificates/" + NUMBER;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CertificateRequests requests;

	@MockitoBean
	CertificateService certificates;

	@MockitoBean
	ApiAccess access;

	private ResultActions send(String path, String body) throws Exception {
		return this.mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	static Stream<Arguments> badBodies() {
		String changes = CERTIFICATE + "/changes";
		return Stream.of(Arguments.of(changes, "kind=NAME", "body", "is not valid JSON"),
				Arguments.of(changes, "[\"NAME\"]", "body", "must be a JSON object with the expected fields"),
				Arguments.of(changes, "", "body", "is missing"),
				Arguments.of(changes, "{\"kind\": \"SCOPE\", \"colour\": \"红\"}", "colour", "is not a known field"),
				Arguments.of(changes, "{\"kind\": \"UPGRADE\", \"requestedStars\": \"五\"}", "requestedStars",
						"has the wrong type or format"),
				Arguments.of(changes, "{\"kind\": \"UPGRADE\", \"requestedStars\": 4.5}", "requestedStars",
						"has the wrong type or format"),
				Arguments.of(changes, "{\"kind\": 3}", "kind", "has the wrong type or format"),
				Arguments.of(CERTIFICATE + "/suspension", "{\"reason\": {\"text\": \"停产\"}}", "reason",
						"has the wrong type or format"),
				Arguments.of(CERTIFICATE + "/withdrawal", "{\"reason\": \"x\", \"requestedBy\": true}", "requestedBy",
						"has the wrong type or format"),
				Arguments.of(CERTIFICATE + "/cancellation", "{\"reason\": \"停业\",", "body", "is not valid JSON"),
				Arguments.of(CERTIFICATE + "/cancellation", "{\"reason\": \"停业", "body", "is not valid JSON"),
				Arguments.of(CERTIFICATE + "/events", "{\"kind\": \"MEDIA_EXPOSURE_PROVEN\", \"occurredOn\": 20260301}",
						"occurredOn", "has the wrong type or format"),
				Arguments.of("/api/certificates/transition", "{\"schemeId\": [\"PCEC\"]}", "schemeId",
						"has the wrong type or format"));
	}

	@ParameterizedTest(name = "{0} {1} → 400 {2}")
	@MethodSource("badBodies")
	void shouldRefuseABodyThatIsNotTheRequestNamingTheFieldWithoutRecordingIt(String path, String body, String field,
			String message) throws Exception {
		// the body is read before the caller's role is checked: whoever sends it
		send(path, body).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
		verifyNoInteractions(this.requests, this.certificates);
	}

	static Stream<Arguments> refusedSenders() {
		String reason = "{\"reason\": \"获证组织停产\"}";
		String event = "{\"kind\": \"MEDIA_EXPOSURE_PROVEN\"}";
		return Stream.of(Arguments.of(CERTIFICATE + "/changes", "{\"kind\": \"NAME\"}", Groups.DECISION_MAKERS),
				Arguments.of(CERTIFICATE + "/suspension", reason, Groups.AUDITORS),
				Arguments.of(CERTIFICATE + "/withdrawal", reason, Groups.REVIEWERS),
				Arguments.of(CERTIFICATE + "/cancellation", reason, Groups.QUALITY_MANAGERS),
				Arguments.of(CERTIFICATE + "/events", event, Groups.LEAD_AUDITORS),
				Arguments.of(CERTIFICATE + "/events", event, Groups.MANAGERS),
				Arguments.of("/api/certificates/transition", "{\"schemeId\": \"PCEC\"}", Groups.REVIEWERS));
	}

	@ParameterizedTest(name = "{0} by {2} → 403")
	@MethodSource("refusedSenders")
	void shouldLetOnlyTheRolesOfEachRequestSendIt(String path, String body, String group) throws Exception {
		GroupCheck.callerIn(this.access, "someone", group);
		send(path, body).andExpect(status().isForbidden());
		verifyNoInteractions(this.requests);
	}

	@Test
	void shouldRegisterAChangeForTheReviewerAndPointToTheCertificatesRequests() throws Exception {
		GroupCheck.callerIn(this.access, "reviewer", Groups.REVIEWERS);
		ChangeBody change = new ChangeBody("NAME", "更名", "天津新名称有限公司", null, null, null, null);
		given(this.requests.change(NUMBER, change, "reviewer")).willReturn(41L);
		send(CERTIFICATE + "/changes", """
				{"kind": "NAME", "description": "更名", "newHolderName": "天津新名称有限公司"}""").andExpect(status().isAccepted())
			.andExpect(header().string("Location", CERTIFICATE + "/requests"))
			.andExpect(jsonPath("$.requestId").value(41))
			.andExpect(jsonPath("$.certificateNumber").value(NUMBER));
	}

	/** The three requests of R-SUS-1 with a reason, each to its own message. */
	interface ReasonRequest {

		long send(CertificateRequests requests, String number, ReasonBody body, String by);

	}

	static Stream<Arguments> reasonRequests() {
		return Stream.of(Arguments.of("suspension", (ReasonRequest) CertificateRequests::suspend),
				Arguments.of("withdrawal", (ReasonRequest) CertificateRequests::withdraw),
				Arguments.of("cancellation", (ReasonRequest) CertificateRequests::cancel));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("reasonRequests")
	void shouldSendAReasonedRequestAsTheDecisionMaker(String request, ReasonRequest sent) throws Exception {
		GroupCheck.callerIn(this.access, "decider", Groups.DECISION_MAKERS);
		ReasonBody body = new ReasonBody("获证组织停产", "CLIENT");
		given(sent.send(this.requests, NUMBER, body, "decider")).willReturn(7L);
		send(CERTIFICATE + "/" + request, "{\"reason\": \"获证组织停产\", \"requestedBy\": \"CLIENT\"}")
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.requestId").value(7));
		sent.send(verify(this.requests), NUMBER, body, "decider");
	}

	@Test
	void shouldReportAnEventAsTheQualityManager() throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		EventBody event = new EventBody("MEDIA_EXPOSURE_PROVEN", "2026-03-01", "报道链接");
		given(this.requests.reportEvent(NUMBER, event, "quality")).willReturn(9L);
		send(CERTIFICATE + "/events", """
				{"kind": "MEDIA_EXPOSURE_PROVEN", "occurredOn": "2026-03-01", "evidence": "报道链接"}""")
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.requestId").value(9));
	}

	@Test
	void shouldSayHowManyCertificatesMustTransition() throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		TransitionBody transition = new TransitionBody("PCEC", "PCEC-2027", "2027-06-30");
		given(this.requests.setTransitionDeadline(transition, "quality")).willReturn(3);
		send("/api/certificates/transition", """
				{"schemeId": "PCEC", "ruleDocument": "PCEC-2027", "deadline": "2027-06-30"}""")
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.certificates").value(3));
	}

	@Test
	void shouldSayWhyTheCertificatesStateRefusesTheRequest() throws Exception {
		GroupCheck.callerIn(this.access, "decider", Groups.DECISION_MAKERS);
		given(this.requests.withdraw(anyString(), any(), anyString()))
			.willThrow(new ConflictException("证书 " + NUMBER + " 已撤销（WITHDRAWN），不能再撤销"));
		send(CERTIFICATE + "/withdrawal", "{\"reason\": \"x\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("证书 " + NUMBER + " 已撤销（WITHDRAWN），不能再撤销"));
	}

	@Test
	void shouldListTheRevisionsAndRequestsOfACertificateTheCallerMaySee() throws Exception {
		given(this.certificates.revisions(NUMBER))
			.willReturn(List.of(new CertificateRevision(2, "天津新名称有限公司", "天津市", "家电", "PCEC-2026", 3, "三星",
					LocalDate.of(2026, 3, 1), LocalDate.of(2029, 2, 28), "更名", "decider", null, null)));
		given(this.requests.of(NUMBER)).willReturn(List.of(new CertificateRequest(41, NUMBER, "CHANGE", "更名",
				"天津新名称有限公司", null, null, null, null, null, null, "reviewer", null, CertificateRequest.DONE, "已换证")));
		this.mvc.perform(get(CERTIFICATE + "/revisions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].revision").value(2))
			.andExpect(jsonPath("$[0].holderName").value("天津新名称有限公司"))
			.andExpect(jsonPath("$[0].issuedOn").value("2026-03-01"));
		this.mvc.perform(get(CERTIFICATE + "/requests"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(41))
			.andExpect(jsonPath("$[0].status").value("DONE"));
		verify(this.access, times(2)).requireCertificate(NUMBER);
	}

	@Test
	void shouldNotShowTheRecordsOfACertificateTheCallerMayNotSee() throws Exception {
		// issue 15.4: 404 as for a certificate that does not exist, naming the number
		willThrow(new NotFoundException("No certificate " + NUMBER)).given(this.access).requireCertificate(NUMBER);
		for (String records : List.of("revisions", "requests")) {
			this.mvc.perform(get(CERTIFICATE + "/" + records))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem("number")));
		}
		verifyNoInteractions(this.requests, this.certificates);
	}

}
