package cn.certflow.grading;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** R-GRD-PCEC-3: rules/grade-pcec.dmn on every threshold, on both sides. */
class GradePcecTableTest {

	static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static DmnDecision decision;

	@BeforeAll
	static void parse() throws IOException {
		decision = parse("rules/grade-pcec.dmn", "grade-pcec");
	}

	static DmnDecision parse(String file, String key) throws IOException {
		try (InputStream in = new FileInputStream(file)) {
			return ENGINE.parseDecision(key, in);
		}
	}

	@ParameterizedTest(name = "R-GRD-PCEC-3: score {0}, {1} special deductions -> {2} {3}")
	@CsvSource({ "0, 0, 0, 不合格", "69.9, 0, 0, 不合格", "69.99999, 0, 0, 不合格", "70, 0, 2, 达标级", "79.9, 0, 2, 达标级",
			"80, 0, 3, 三星级", "89.9, 0, 3, 三星级", "90, 0, 4, 四星级", "94.9, 0, 4, 四星级", "94.99999, 0, 4, 四星级",
			"95, 0, 5, 五星级", "100, 0, 5, 五星级", "100, 4, 5, 五星级", "100, 5, 0, 不合格", "70, 4, 2, 达标级", "70, 5, 0, 不合格",
			"85, 6, 0, 不合格" })
	void shouldGradeOnEveryThreshold(double score, int deductions, int stars, String grade) {
		DmnDecisionRuleResult result = ENGINE
			.evaluateDecisionTable(decision, Map.of("score", score, "specialDeductions", deductions))
			.getFirstResult();
		assertThat(result.<Number>getEntry("stars").intValue()).isEqualTo(stars);
		assertThat(result.<String>getEntry("grade")).isEqualTo(grade);
	}

}
