package cn.certflow.planning;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-PLAN-1: rules/audit-time.dmn, every band and type, rounding up, floor of 2
 * person-days.
 */
class AuditTimeTableTest {

	static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static DmnDecision decision;

	@BeforeAll
	static void parse() throws IOException {
		try (InputStream in = new FileInputStream("rules/audit-time.dmn")) {
			decision = ENGINE.parseDecision("audit-time", in);
		}
	}

	@ParameterizedTest(name = "R-PLAN-1: {0} people -> initial {1}, surveillance {2}, recertification {3}")
	@CsvSource({ "1, 2, 2, 2", "15, 2, 2, 2", "16, 3, 2, 3", "50, 3, 2, 3", "51, 4, 3, 4", "100, 4, 3, 4",
			"101, 5, 3, 4", "250, 5, 3, 4", "251, 6, 4, 5", "500, 6, 4, 5", "501, 7, 5, 6", "1000, 7, 5, 6",
			"1001, 8, 5, 7", "2000, 8, 5, 7", "2001, 9, 6, 8", "5000, 9, 6, 8", "5001, 10, 6, 8", "100000, 10, 6, 8" })
	void shouldGivePersonDaysPerBandAndType(int headcount, int initial, int surveillance, int recertification) {
		assertThat(days(headcount, "INITIAL")).isEqualTo(initial);
		assertThat(days(headcount, "SURVEILLANCE")).isEqualTo(surveillance);
		assertThat(days(headcount, "RECERTIFICATION")).isEqualTo(recertification);
	}

	@Test
	void shouldRoundUpAndNeverGoBelowTwo() {
		// 0.6 × 4 = 2.4 -> 3; 0.8 × 9 = 7.2 -> 8; 0.6 × 2 = 1.2 -> 2 (floor)
		assertThat(days(60, "SURVEILLANCE")).isEqualTo(3);
		assertThat(days(3000, "RECERTIFICATION")).isEqualTo(8);
		assertThat(days(5, "SURVEILLANCE")).isEqualTo(2);
	}

	/**
	 * PCEC 15, R-PLAN-1, as a quality manager reads it:
	 * "监督审核为0.6倍初次审核时间，再认证时间为0.8倍初次审核时间，审核时间不是整数时向上取整". The factor applies to the initial
	 * audit time of the band and only a result that is not a whole number is rounded up:
	 * a 5-day audit gives exactly 3 days of surveillance (0.6 × 5 = 3, not 4) and 4 days
	 * of recertification (0.8 × 5 = 4); a 7-day audit gives 5 (0.6 × 7 = 4.2) and 6 (0.8
	 * × 7 = 5.6). A 2-day audit gives 2, the on-site floor of PCEC 8.2.1 (0.6 × 2 = 1.2
	 * would round up to 2 anyway).
	 */
	@Test
	@org.junit.jupiter.api.DisplayName("PCEC 15, R-PLAN-1: a 5-day audit at 0.6× is 3 days, at 0.8× 4 days; 4.2 and 5.6 round up")
	void shouldRoundOnlyAFractionUp_aFiveDayAuditAtPointSixIsThreeDays() {
		// band 101–250: initial 5 days
		assertThat(days(101, "INITIAL")).isEqualTo(5);
		assertThat(days(101, "SURVEILLANCE")).isEqualTo(3);
		assertThat(days(101, "RECERTIFICATION")).isEqualTo(4);
		// band 501–1000: initial 7 days
		assertThat(days(501, "INITIAL")).isEqualTo(7);
		assertThat(days(501, "SURVEILLANCE")).isEqualTo(5);
		assertThat(days(501, "RECERTIFICATION")).isEqualTo(6);
		// band 1–15: initial 2 days, 0.6 × 2 = 1.2 -> 2
		assertThat(days(1, "SURVEILLANCE")).isEqualTo(2);
	}

	@Test
	void shouldGiveASingleIntegerEntryForABusinessRuleTask() {
		DmnDecisionTableResult result = ENGINE.evaluateDecisionTable(decision,
				Map.of("headcount", 60, "auditType", "SURVEILLANCE"));
		Object entry = result.getSingleEntry();
		assertThat(entry).isInstanceOf(Integer.class).isEqualTo(3);
	}

	@Test
	void shouldMatchNothingForAnUnknownTypeOrNoPeople() {
		assertThat(ENGINE.evaluateDecisionTable(decision, Map.of("headcount", 60, "auditType", "OTHER"))).isEmpty();
		assertThat(ENGINE.evaluateDecisionTable(decision, Map.of("headcount", 0, "auditType", "INITIAL"))).isEmpty();
	}

	private static int days(int headcount, String type) {
		Number days = ENGINE.evaluateDecisionTable(decision, Map.of("headcount", headcount, "auditType", type))
			.getSingleEntry();
		return days.intValue();
	}

}
