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
