package cn.certflow.grading;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static cn.certflow.grading.GradePcecTableTest.ENGINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-GRD-CQM-1/2: rules/grade-cqm.dmn, every row, the seed's worked examples, non-monotone
 * rows.
 */
class GradeCqmTableTest {

	static DmnDecision decision;

	@BeforeAll
	static void parse() throws IOException {
		decision = GradePcecTableTest.parse("rules/grade-cqm.dmn", "grade-cqm");
	}

	/** Everything a five-star organisation has. */
	static Map<String, Object> fiveStars() {
		Map<String, Object> v = new HashMap<>();
		v.put("characteristicScore", 95.0);
		v.put("minIndicatorRatio", 0.9);
		v.put("managementAuditPassed", true);
		v.put("seriousNonconformities", 0);
		v.put("surveyScore", 92.0);
		v.put("faceSurveyScore", 91.0);
		v.put("operatingMonths", 36);
		v.put("liabilityAccidents12m", 0);
		v.put("liabilityAccidents24m", 0);
		v.put("negativeInfo12m", 0);
		v.put("negativeInfo24m", 0);
		v.put("negativeInfoTotal", 0);
		v.put("majorComplaints", 0);
		v.put("majorComplaintsUnrectified", 0);
		return v;
	}

	static int stars(Map<String, Object> variables) {
		DmnDecisionRuleResult result = ENGINE.evaluateDecisionTable(decision, variables).getFirstResult();
		return result.<Number>getEntry("stars").intValue();
	}

	static Map<String, Object> with(Object... pairs) {
		Map<String, Object> v = fiveStars();
		for (int i = 0; i < pairs.length; i += 2) {
			v.put((String) pairs[i], pairs[i + 1]);
		}
		return v;
	}

	@Test
	void shouldGiveFiveStarsWhenTheWholeFiveStarRowHolds() {
		assertThat(stars(fiveStars())).isEqualTo(5);
		assertThat(ENGINE.evaluateDecisionTable(decision, fiveStars()).getFirstResult().<String>getEntry("grade"))
			.isEqualTo("五星级");
	}

	@Test
	void shouldFollowEachRowOfCqm62() {
		// R-GRD-CQM-1 4★ row: exactly at the 4★ thresholds
		assertThat(stars(with("characteristicScore", 80.0, "minIndicatorRatio", 0.8, "surveyScore", 80.0,
				"faceSurveyScore", 80.0, "operatingMonths", 12)))
			.isEqualTo(4);
		// 3★ row
		assertThat(stars(with("characteristicScore", 70.0, "minIndicatorRatio", 0.7, "surveyScore", 70.0,
				"faceSurveyScore", 70.0, "operatingMonths", 6)))
			.isEqualTo(3);
		// 2★ row: no S_face or indicator minimum
		assertThat(stars(with("characteristicScore", 60.0, "minIndicatorRatio", 0.1, "surveyScore", 60.0,
				"faceSurveyScore", 10.0, "operatingMonths", 6)))
			.isEqualTo(2);
		// 1★ row: X >= 50 and passed
		assertThat(stars(with("characteristicScore", 50.0, "surveyScore", 10.0, "operatingMonths", 1))).isEqualTo(1);
		// below every row
		assertThat(stars(with("characteristicScore", 49.9))).isZero();
		assertThat(stars(with("managementAuditPassed", false))).isZero();
	}

	@Test
	void shouldStopJustBelowEachThreshold() {
		assertThat(stars(with("characteristicScore", 89.99))).isEqualTo(4);
		assertThat(stars(with("minIndicatorRatio", 0.89))).isEqualTo(4);
		assertThat(stars(with("surveyScore", 79.9))).isEqualTo(3);
		assertThat(stars(with("operatingMonths", 11))).isEqualTo(3);
		assertThat(stars(with("operatingMonths", 5))).isEqualTo(1);
		assertThat(stars(with("seriousNonconformities", 1))).isEqualTo(4);
		assertThat(stars(with("liabilityAccidents24m", 1))).isEqualTo(4);
		assertThat(stars(with("liabilityAccidents12m", 1, "liabilityAccidents24m", 1))).isEqualTo(1);
		assertThat(stars(with("majorComplaints", 2))).isEqualTo(3);
		assertThat(stars(with("majorComplaints", 3))).isEqualTo(2);
		assertThat(stars(with("majorComplaints", 4))).isEqualTo(1);
		assertThat(stars(with("majorComplaints", 1, "majorComplaintsUnrectified", 1))).isEqualTo(1);
	}

	@Test
	void shouldHoldTheSeedsWorkedExamples() {
		// R-GRD-CQM-2 例1: S_face 75 % -> 3★
		assertThat(stars(with("faceSurveyScore", 75.0))).isEqualTo(3);
		// R-GRD-CQM-2 例2: one rectified major complaint -> 4★
		assertThat(stars(with("majorComplaints", 1))).isEqualTo(4);
		// R-GRD-CQM-2 例3: one indicator at 70 % -> 3★
		assertThat(stars(with("minIndicatorRatio", 0.7))).isEqualTo(3);
	}

	@Test
	void shouldCheckWholeRowsBecauseRowsAreNotMonotone() {
		// R-GRD-CQM-1: negative information 18 months ago: 4★ possible ...
		assertThat(stars(with("negativeInfo24m", 1, "negativeInfoTotal", 1))).isEqualTo(4);
		// ... but when 4★ fails, 3★ and 2★ (no negative information at all) fail too: 1★
		assertThat(stars(with("negativeInfo24m", 1, "negativeInfoTotal", 1, "surveyScore", 75.0))).isEqualTo(1);
		// negative information older than 2 years: only 3★/2★ care
		assertThat(stars(with("negativeInfoTotal", 1))).isEqualTo(5);
		assertThat(stars(with("negativeInfoTotal", 1, "surveyScore", 75.0))).isEqualTo(1);
		// negative information within a year: not 5★ or 4★, and not 3★/2★ either
		assertThat(stars(with("negativeInfo12m", 1, "negativeInfo24m", 1, "negativeInfoTotal", 1))).isEqualTo(1);
	}

}
