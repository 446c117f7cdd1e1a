package cn.certflow.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 23, without the engine: the standalone evaluation of a table version and the
 * comparison of past outcomes (R-GRD-PCEC-3 five stars from 95 → 96).
 */
class ImpactSimulationTest {

	private static StandaloneTable pcec(String fiveStars) throws IOException {
		String xml = Files.readString(Path.of("rules", "grade-pcec.dmn")).replace("&gt;= 95", "&gt;= " + fiveStars);
		return StandaloneTable.parse("grade-pcec", xml.getBytes(StandardCharsets.UTF_8));
	}

	private static PastEvaluation graded(String application, double score, int stars, String grade) {
		return new PastEvaluation(application, null, "客户 " + application, null,
				Map.of("score", score, "specialDeductions", 0), Map.of("stars", stars, "grade", grade), null);
	}

	@Test
	void shouldListOnlyThePastGradingsTheCandidateWouldChangeWithTheRulesThatFired() throws IOException {
		List<PastEvaluation> past = List.of(graded("APP-1", 100.0, 5, "五星级"), graded("APP-2", 95.0, 5, "五星级"),
				graded("APP-3", 95.99, 5, "五星级"), graded("APP-4", 96.0, 5, "五星级"), graded("APP-5", 94.9, 4, "四星级"));
		ImpactReport report = ImpactSimulation.run(pcec("95"), pcec("96"), past, "test");
		assertThat(report.evaluated()).isEqualTo(5);
		assertThat(report.changes()).extracting(ImpactChange::subject).containsExactly("APP-2", "APP-3");
		ImpactChange first = report.changes().get(0);
		assertThat(first.after()).containsEntry("stars", 4).containsEntry("grade", "四星级");
		assertThat(first.ruleBefore()).isEqualTo("Rule_FiveStars（第 1 行）");
		assertThat(first.ruleAfter()).isEqualTo("Rule_FourStars（第 2 行）");
		assertThat(first.difference()).isEqualByComparingTo("-1");
		assertThat(report.summary()).isEqualTo("5 次评级中 2 次会改变；stars：少 1 星 × 2 次；合计 -2 星。");
		assertThat(report.inconsistent()).isZero();
	}

	@Test
	void shouldCountAPastOutcomeTheVersionInForceNoLongerGivesAndCompareWithTheOutcomeGiven() throws IOException {
		// a record from an older sheet: 93 points recorded as five stars; v1 gives four,
		// v2 too -> a change from 5
		ImpactReport report = ImpactSimulation.run(pcec("95"), pcec("96"), List.of(graded("APP-9", 93.0, 5, "五星级")),
				"test");
		assertThat(report.inconsistent()).isEqualTo(1);
		assertThat(report.changed()).isEqualTo(1);
		assertThat(report.changes().get(0).ruleBefore()).isEqualTo("Rule_FourStars（第 2 行）");
	}

	@Test
	void shouldNotRunJuelOrScriptsOfACandidateTable() throws IOException {
		// the simulation runs a table nobody has approved yet: FEEL only, anything else
		// fails that evaluation
		String xml = Files.readString(Path.of("rules", "grade-pcec.dmn"))
			.replace("<outputEntry id=\"OutputEntry_FiveStars_1\">",
					"<outputEntry id=\"OutputEntry_FiveStars_1\" expressionLanguage=\"javascript\">")
			.replace("<outputEntry id=\"OutputEntry_FourStars_1\">",
					"<outputEntry id=\"OutputEntry_FourStars_1\" expressionLanguage=\"juel\">");
		StandaloneTable candidate = StandaloneTable.parse("grade-pcec", xml.getBytes(StandardCharsets.UTF_8));
		assertThat(candidate.evaluate(Map.of("score", 97.0, "specialDeductions", 0)).error()).contains("只计算 FEEL",
				"javascript");
		assertThat(candidate.evaluate(Map.of("score", 92.0, "specialDeductions", 0)).error()).contains("juel");
		ImpactReport report = ImpactSimulation.run(pcec("95"), candidate, List.of(graded("APP-1", 97.0, 5, "五星级")),
				"test");
		assertThat(report.failed()).isEqualTo(1);
		assertThat(report.changes().get(0).error()).startsWith("评估出错：");
	}

}
