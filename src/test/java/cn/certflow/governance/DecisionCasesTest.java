package cn.certflow.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R-GRD-DMN: every table in rules/ has its regression cases beside it, and the tables in
 * the repository pass them (the same check the application runs against each deployed
 * version, here on a standalone DMN engine so that a broken commit fails the build before
 * any deployment).
 */
class DecisionCasesTest {

	static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	static Stream<Path> tables() throws IOException {
		return Files.list(Path.of("rules")).filter((p) -> p.toString().endsWith(".dmn")).sorted();
	}

	@ParameterizedTest(name = "R-GRD-DMN: {0} passes its cases")
	@MethodSource("tables")
	void shouldPassTheCasesKeptBesideEachTable(Path table) throws IOException {
		String key = table.getFileName().toString().replace(".dmn", "");
		Path casesFile = table.resolveSibling(DecisionCases.fileName(key));
		assertThat(casesFile).as("regression cases of %s", table).exists();
		DecisionCases cases = DecisionCases.parse(Files.readString(casesFile));
		assertThat(cases.decisionKey()).isEqualTo(key);
		assertThat(cases.cases()).allSatisfy((c) -> assertThat(c.description()).as(c.name()).isNotBlank());
		DmnDecision decision;
		try (InputStream in = Files.newInputStream(table)) {
			decision = ENGINE.parseDecision(key, in);
		}
		CaseRun run = CaseRun.run(cases, (inputs) -> ENGINE.evaluateDecisionTable(decision, inputs).getResultList());
		assertThat(run.failures()).as(run.report()).isEmpty();
		assertThat(run.passed()).isTrue();
	}

	@Test
	void shouldKeepTheSeedsBoundariesAndWorkedExamples() throws IOException {
		// R-GRD-PCEC-3 boundaries, R-GRD-CQM-2 worked examples, R-PLAN-1 bands
		assertThat(names("grade-pcec")).contains("69.99999 分", "70 分", "94.99999 分", "95 分", "100 分、5 项特别扣分");
		assertThat(names("grade-cqm")).contains("例1 S当面 75%", "例2 一起已整改重大投诉", "例3 一个指标 70%");
		assertThat(names("audit-time")).contains("15 人 初次认证", "16 人 初次认证", "5001 人 再认证", "0 人");
	}

	@Test
	void shouldReportEveryFailingCaseWithExpectedAndActual() throws IOException {
		// R-GRD-DMN: 五星级 moved to 96 breaks the 95 case; the report names inputs,
		// expected and actual
		String changed = Files.readString(Path.of("rules/grade-pcec.dmn")).replace("&gt;= 95", "&gt;= 96");
		DmnDecision decision = ENGINE.parseDecision("grade-pcec",
				new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)));
		CaseRun run = CaseRun.run(DecisionCases.parse(Files.readString(Path.of("rules/grade-pcec.cases.json"))),
				(inputs) -> ENGINE.evaluateDecisionTable(decision, inputs).getResultList());
		assertThat(run.passed()).isFalse();
		assertThat(run.failures()).extracting((r) -> r.decisionCase().name()).containsExactly("95 分");
		assertThat(run.summary()).isEqualTo("1 条用例未通过（共 17 条）");
		assertThat(run.report()).isEqualTo("✗ 95 分：score=95, specialDeductions=0；期望 stars=5, grade=五星级；"
				+ "实际 stars=4, grade=四星级（R-GRD-PCEC-3：五星级下限 95（含））");
	}

	@Test
	void shouldExpectNoMatchForAnEmptyExpectedObject() {
		DecisionCases cases = DecisionCases.parse("""
				{"decision": "t", "cases": [
				  {"name": "none", "description": "d", "inputs": {"a": 1}, "expected": {}},
				  {"name": "some", "description": "d", "inputs": {"a": 2}, "expected": {"x": 2.0}}]}
				""");
		CaseRun run = CaseRun.run(cases, (inputs) -> inputs.get("a").equals(1) ? List.of() : List.of(Map.of("x", 2)));
		assertThat(run.passed()).as("2.0 equals 2; no match expected and none came").isTrue();
		CaseRun wrong = CaseRun.run(cases, (inputs) -> List.of(Map.of("x", 3)));
		assertThat(wrong.failures()).hasSize(2);
		assertThat(wrong.report()).contains("✗ none：a=1；期望 没有规则匹配；实际 x=3", "✗ some：a=2；期望 x=2；实际 x=3");
		CaseRun error = CaseRun.run(cases, (inputs) -> {
			throw new IllegalStateException("FEEL unable to evaluate");
		});
		assertThat(error.report()).contains("实际 评估出错：FEEL unable to evaluate");
	}

	@Test
	void shouldRefuseAMalformedCasesFileNamingTheCase() {
		assertThatThrownBy(() -> DecisionCases.parse("{\"decision\": \"t\", \"cases\": []}"))
			.hasMessageContaining("cases 必须是非空数组");
		assertThatThrownBy(() -> DecisionCases
			.parse("{\"decision\": \"t\", \"cases\": [{\"name\": \"a\", \"inputs\": {}, \"expect\": {}}]}"))
			.hasMessageContaining("未知字段「expect」");
		assertThatThrownBy(() -> DecisionCases
			.parse("{\"decision\": \"t\", \"cases\": [{\"name\": \"a\", \"inputs\": {}, \"expected\": {}},"
					+ " {\"name\": \"a\", \"inputs\": {}, \"expected\": {}}]}"))
			.hasMessageContaining("name「a」重复");
		assertThatThrownBy(() -> DecisionCases.parse("not json")).hasMessageContaining("不是有效的 JSON");
		assertThat(DecisionCases.decisionKeyOf("/x/target/classes/rules/grade-pcec.cases.json"))
			.isEqualTo("grade-pcec");
		assertThat(DecisionCases.decisionKeyOf("grade-pcec.dmn")).isNull();
	}

	private static List<String> names(String key) throws IOException {
		return DecisionCases.parse(Files.readString(Path.of("rules", DecisionCases.fileName(key))))
			.cases()
			.stream()
			.map(DecisionCases.DecisionCase::name)
			.toList();
	}

}
