package cn.certflow.governance;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.certflow.governance.DecisionImpacts.StoredImpact;
import cn.certflow.security.ApiAccess;
import cn.certflow.security.GroupCheck;
import cn.certflow.security.Groups;
import cn.certflow.system.ApiControllerSlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The impact report of a candidate decision table version as JSON (issue 23, R-GRD-DMN),
 * in a {@code @WebMvcTest} slice of {@link DecisionImpactController} with the reports
 * mocked (issue 17 point 4): readers as for the tables only, a version that is no whole
 * number is 400 naming {@code version}, a version without a report is 404 saying which
 * versions have one, and a report shows its counts, its decision and every change. How
 * reports are simulated stays proven by DecisionImpactTest and ImpactSimulationTest.
 */
@ApiControllerSlice(DecisionImpactController.class)
class DecisionImpactControllerSliceTest {

	private static final String IMPACT = "/api/decision-tables/grade-pcec/versions/4/impact";

	private static final OffsetDateTime AT = OffsetDateTime.parse("2026-04-01T10:00:00+08:00");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DecisionImpacts impacts;

	@MockitoBean
	DecisionApprovals approvals;

	@MockitoBean
	ApiAccess access;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { Groups.REVIEWERS, Groups.DECISION_MAKERS, Groups.LEAD_AUDITORS })
	void shouldShowTheReportOnlyToQualityManagersManagersAndAdministrators(String group) throws Exception {
		GroupCheck.callerIn(this.access, "someone", group);
		this.mvc.perform(get(IMPACT)).andExpect(status().isForbidden());
		verifyNoInteractions(this.impacts, this.approvals);
	}

	@ParameterizedTest(name = "version {0} → 400")
	@ValueSource(strings = { "v4", "4.0", "99999999999" })
	void shouldRefuseAVersionThatIsNotAWholeNumberNamingIt(String version) throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		this.mvc.perform(get("/api/decision-tables/grade-pcec/versions/" + version + "/impact"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"))
			.andExpect(jsonPath("$.errors[0].message").value("'" + version + "' is not a valid int"));
		verifyNoInteractions(this.impacts, this.approvals);
	}

	@Test
	void shouldSayWhichVersionsHaveAReportWhenThisOneHasNone() throws Exception {
		GroupCheck.callerIn(this.access, "quality", Groups.QUALITY_MANAGERS);
		this.mvc.perform(get(IMPACT))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value(startsWith("grade-pcec v4 没有影响报告（只有通过回归用例")));
		verifyNoInteractions(this.approvals);
	}

	@Test
	void shouldShowTheReportWithItsDecisionAndEveryChange() throws Exception {
		GroupCheck.callerIn(this.access, "manager", Groups.MANAGERS);
		given(this.impacts.find("grade-pcec", 4))
			.willReturn(Optional.of(new StoredImpact(11, 5, "grade-pcec", 4, "grade-pcec:4:d5", 3, "grade-pcec:3:d2",
					"history", 120, 1, 0, 0, "120 次评估中 1 次结果改变", "三星 → 四星：1", null, AT, 850)));
		given(this.approvals.get(5)).willReturn(Optional.of(new DecisionApproval(5, "grade-pcec", "PCEC 评级", 4,
				"grade-pcec:4:d5", "dep-5", AT, ApprovalStatus.APPROVED, "grade-pcec.cases.json", "[]", 1, 0, "[]",
				"规则 3 的阈值由 85 改为 88", "quality", AT, "quality2", AT.plusHours(2), "同意", null, null, null, "pi-5")));
		given(this.approvals.impactReviewed(5)).willReturn(Optional.of(true));
		given(this.impacts.changes(11)).willReturn(List.of(new ImpactChange(1, "APP-2026-000001", "application",
				"APP-2026-000001", null, "天津某家电有限公司", AT.minusDays(30), Map.of("score", 86), Map.of("stars", 3),
				Map.of("stars", 4), "rule-3", "rule-4", new BigDecimal("1"), null)));
		this.mvc.perform(get(IMPACT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decisionKey").value("grade-pcec"))
			.andExpect(jsonPath("$.version").value(4))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.comparedVersion").value(3))
			.andExpect(jsonPath("$.evaluated").value(120))
			.andExpect(jsonPath("$.changed").value(1))
			.andExpect(jsonPath("$.decidedBy").value("quality2"))
			.andExpect(jsonPath("$.impactReviewed").value(true))
			.andExpect(jsonPath("$.page").value("/staff/decision-tables/grade-pcec/versions/4/impact"))
			.andExpect(jsonPath("$.changes[0].subject").value("APP-2026-000001"))
			.andExpect(jsonPath("$.changes[0].before.stars").value(3))
			.andExpect(jsonPath("$.changes[0].after.stars").value(4));
	}

}
