package cn.certflow.governance;

import static org.hamcrest.Matchers.contains;
import static org.mockito.ArgumentMatchers.anyLong;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-GRD-DMN which version of a decision table is in force and the approval record of
 * every version, in a {@code @WebMvcTest} slice of {@link DecisionTableController} with
 * the approvals mocked (issue 17 point 4): only quality managers, managers and
 * administrators read them, an approval id that is no number is 400 naming {@code id}, an
 * unknown key or id is 404, and a version's cases and results are shown as the JSON they
 * were recorded as. Recording and approving versions stay proven by
 * DecisionGovernanceTest and DecisionTableChangeProcessTest.
 */
@ApiControllerSlice(DecisionTableController.class)
class DecisionTableControllerSliceTest {

	private static final OffsetDateTime DEPLOYED = OffsetDateTime.parse("2026-04-01T10:00:00+08:00");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DecisionApprovals approvals;

	@MockitoBean
	ApiAccess access;

	private static DecisionApproval version(long id, int version, ApprovalStatus status, String caseResults) {
		return new DecisionApproval(id, "grade-pcec", "PCEC 评级", version, "grade-pcec:" + version + ":d" + id,
				"dep-" + id, DEPLOYED, status, "grade-pcec.cases.json", "[{\"stars\": 3}]", 1, 0, caseResults,
				"规则 3 的阈值由 85 改为 88", "quality", DEPLOYED, "quality2", DEPLOYED.plusHours(2), "同意", null, null, null,
				"pi-" + id);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { Groups.REVIEWERS, Groups.DECISION_MAKERS, Groups.AUDITORS, Groups.LEAD_AUDITORS })
	void shouldShowTheTablesOnlyToQualityManagersManagersAndAdministrators(String group) throws Exception {
		GroupCheck.callerIn(this.access, "someone", group);
		this.mvc.perform(get("/api/decision-tables/grade-pcec")).andExpect(status().isForbidden());
		this.mvc.perform(get("/api/decision-tables/approvals/1")).andExpect(status().isForbidden());
		verifyNoInteractions(this.approvals);
	}

	@Test
	void shouldShowTheVersionInForceAndEveryVersion() throws Exception {
		GroupCheck.callerIn(this.access, "manager", Groups.MANAGERS);
		DecisionApproval inForce = version(2, 2, ApprovalStatus.APPROVED, "[]");
		given(this.approvals.ofKey("grade-pcec"))
			.willReturn(List.of(version(3, 3, ApprovalStatus.REJECTED, "[]"), inForce));
		given(this.approvals.inForceRecord("grade-pcec")).willReturn(Optional.of(inForce));
		this.mvc.perform(get("/api/decision-tables/grade-pcec"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decisionKey").value("grade-pcec"))
			.andExpect(jsonPath("$.inForce.version").value(2))
			.andExpect(jsonPath("$.inForce.decidedBy").value("quality2"))
			.andExpect(jsonPath("$.versions[*].version", contains(3, 2)))
			.andExpect(jsonPath("$.versions[0].status").value("REJECTED"));
	}

	@Test
	void shouldAnswerAKeyWithoutVersionsWith404NamingIt() throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		this.mvc.perform(get("/api/decision-tables/grade-nothing"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("decision table grade-nothing has no versions"))
			.andExpect(jsonPath("$.errors[0].field").value("key"));
	}

	@ParameterizedTest(name = "{0} → 400")
	@CsvSource({ "abc, 'abc' is not a valid long", "1.5, '1.5' is not a valid long",
			"99999999999999999999, '99999999999999999999' is not a valid long" })
	void shouldRefuseAnApprovalIdThatIsNotANumberNamingIt(String id, String message) throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		this.mvc.perform(get("/api/decision-tables/approvals/" + id))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.errors[0].message").value(message));
		verifyNoInteractions(this.approvals);
	}

	@Test
	void shouldAnswerAnUnknownApprovalWith404NamingIt() throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		given(this.approvals.get(anyLong())).willReturn(Optional.empty());
		this.mvc.perform(get("/api/decision-tables/approvals/404"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("decision approval 404 not found"))
			.andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	@Test
	void shouldShowAnApprovalWithItsCasesAndResultsAsJson() throws Exception {
		GroupCheck.callerIn(this.access, "admin", Groups.ADMINS);
		given(this.approvals.get(3)).willReturn(Optional.of(version(3, 3, ApprovalStatus.APPROVED,
				"[{\"case\": \"三星\", \"expected\": {\"stars\": 3}, \"actual\": {\"stars\": 3}}]")));
		this.mvc.perform(get("/api/decision-tables/approvals/3"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decisionKey").value("grade-pcec"))
			.andExpect(jsonPath("$.decisionName").value("PCEC 评级"))
			.andExpect(jsonPath("$.summary.approvalId").value(3))
			.andExpect(jsonPath("$.summary.status").value("APPROVED"))
			.andExpect(jsonPath("$.changes").value("规则 3 的阈值由 85 改为 88"))
			.andExpect(jsonPath("$.caseResults[0].expected.stars").value(3))
			.andExpect(jsonPath("$.cases[0].stars").value(3));
	}

	@Test
	void shouldShowResultsThatAreNotJsonAsTheirText() throws Exception {
		// what an old or failed run recorded is shown as it is, never a 500
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		given(this.approvals.get(4)).willReturn(Optional.of(version(4, 4, ApprovalStatus.REJECTED, "用例无法运行：表达式错误")));
		this.mvc.perform(get("/api/decision-tables/approvals/4"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseResults").value("用例无法运行：表达式错误"));
	}

}
