package cn.certflow.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import camundajar.impl.scala.util.Either;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 22, the grading step: the FEEL engine that parses each cell once grades exactly
 * as Camunda's own (R-GRD-DMN: the deployed table decides, its regression cases are the
 * contract of a table change), parses a text once however often it is evaluated, and
 * fails a bad cell with feel-scala's own message at every evaluation.
 */
class ParsedOnceFeelEngineTest {

	static final Path RULES = Path.of("rules");

	private final DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private final DmnEngine parsedOnce = ParsedOnceFeelEngine.standaloneEngine();

	static Stream<String> tables() throws IOException {
		try (Stream<Path> files = Files.list(RULES)) {
			return files.map((p) -> p.getFileName().toString())
				.filter((name) -> name.endsWith(".cases.json"))
				.map((name) -> name.substring(0, name.length() - ".cases.json".length()))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("tables")
	@DisplayName("R-GRD-DMN, issue 22: every regression case of every table in rules/ gives the same results as Camunda's FEEL engine, on first and later evaluations")
	void shouldGradeEveryRegressionCaseAsCamundasEngineDoes(String table) throws IOException {
		DmnDecision ours = parse(this.parsedOnce, table);
		DmnDecision theirs = parse(this.camunda, table);
		JsonNode cases = new ObjectMapper().readTree(RULES.resolve(table + ".cases.json").toFile());
		Map<String, Object> defaults = values(cases.get("defaults"));
		int compared = 0;
		for (JsonNode testCase : cases.get("cases")) {
			Map<String, Object> variables = new LinkedHashMap<>(defaults);
			variables.putAll(values(testCase.get("inputs")));
			List<Map<String, Object>> expected = results(this.camunda.evaluateDecision(theirs, variables));
			Map<String, Object> expectedOutputs = values(testCase.get("expected"));
			if (expectedOutputs.isEmpty()) {
				assertThat(expected).as(testCase.get("name").asText() + ": no rule matches").isEmpty();
			}
			else {
				assertThat(expected.get(0)).as(testCase.get("name").asText() + ": the case's expectation")
					.containsAllEntriesOf(numbersAsIn(expectedOutputs, expected.get(0)));
			}
			for (int evaluation = 1; evaluation <= 3; evaluation++) {
				assertThat(results(this.parsedOnce.evaluateDecision(ours, variables)))
					.as(table + " / " + testCase.get("name").asText() + ", evaluation " + evaluation)
					.isEqualTo(expected);
			}
			compared++;
		}
		assertThat(compared).as("regression cases of " + table).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "> 80", "[70..80)", "not(\"不合格\", \"达标级\")", "> limit", "< limit * 2",
			"? > limit and ? < 100" })
	@DisplayName("Issue 22: a unary test reads the cell's input and the table's variables as Camunda's engine does")
	void shouldTestACellAsCamundasEngineDoes(String cell) {
		ScalaFeelEngine theirs = new ScalaFeelEngine(null);
		ParsedOnceFeelEngine ours = new ParsedOnceFeelEngine(null);
		for (Object input : List.of(60, 75.5, 80, 99.9, "三星级", "不合格")) {
			VariableContext variables = Variables.createVariables()
				.putValue("cellInput", input)
				.putValue("limit", 75)
				.asVariableContext();
			Object expected = outcome(() -> theirs.evaluateSimpleUnaryTests(cell, "cellInput", variables));
			assertThat(outcome(() -> ours.evaluateSimpleUnaryTests(cell, "cellInput", variables)))
				.as(cell + " for " + input)
				.isEqualTo(expected);
			assertThat(outcome(() -> ours.evaluateSimpleUnaryTests(cell, "cellInput", variables)))
				.as(cell + " for " + input + ", parsed before")
				.isEqualTo(expected);
		}
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "score * 2", "\"三星级\"", "if score >= 80 then 3 else 2", "count([1, 2, score])", "missing + 1" })
	@DisplayName("Issue 22: an input or output expression gives what Camunda's engine gives")
	void shouldEvaluateAnExpressionAsCamundasEngineDoes(String expression) {
		ScalaFeelEngine theirs = new ScalaFeelEngine(null);
		ParsedOnceFeelEngine ours = new ParsedOnceFeelEngine(null);
		VariableContext variables = Variables.createVariables().putValue("score", 81.5).asVariableContext();
		Object expected = outcome(() -> theirs.evaluateSimpleExpression(expression, variables));
		assertThat(outcome(() -> ours.evaluateSimpleExpression(expression, variables))).isEqualTo(expected);
		assertThat(outcome(() -> ours.evaluateSimpleExpression(expression, variables))).as("parsed before")
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "> > 80", "[70..", "score +" })
	@DisplayName("Issue 22: a cell that does not parse fails with feel-scala's message at every evaluation, as before")
	void shouldFailABadCellAtEveryEvaluation(String cell) {
		VariableContext variables = Variables.createVariables()
			.putValue("cellInput", 80)
			.putValue("score", 80)
			.asVariableContext();
		ParsedOnceFeelEngine ours = new ParsedOnceFeelEngine(null);
		String message = failure(
				() -> new ScalaFeelEngine(null).evaluateSimpleUnaryTests(cell, "cellInput", variables));
		for (int evaluation = 1; evaluation <= 2; evaluation++) {
			assertThatThrownBy(() -> ours.evaluateSimpleUnaryTests(cell, "cellInput", variables))
				.isInstanceOf(FeelException.class)
				.hasMessage(message);
		}
	}

	@Test
	@DisplayName("Issue 22 (camunda/feel-scala#1149): a cell evaluated a thousand times is parsed once")
	void shouldParseEachTextOnce() {
		AtomicInteger unaryParses = new AtomicInteger();
		AtomicInteger expressionParses = new AtomicInteger();
		ParsedOnceFeelEngine ours = new ParsedOnceFeelEngine(null) {
			{
				org.camunda.feel.FeelEngine engine = this.feelEngine;
				this.feelEngine = new org.camunda.feel.FeelEngine(engine.functionProvider(), engine.valueMapper(),
						engine.configuration(), engine.clock()) {
					@Override
					public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
						unaryParses.incrementAndGet();
						return super.parseUnaryTests(expression);
					}

					@Override
					public Either<Failure, ParsedExpression> parseExpression(String expression) {
						expressionParses.incrementAndGet();
						return super.parseExpression(expression);
					}
				};
			}
		};
		List<Boolean> tests = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			VariableContext variables = Variables.createVariables()
				.putValue("cellInput", i / 10.0)
				.putValue("score", i / 10.0)
				.asVariableContext();
			tests.add(ours.evaluateSimpleUnaryTests("[70..80)", "cellInput", variables));
			tests.add(ours.evaluateSimpleUnaryTests(">= 90", "cellInput", variables));
			ours.evaluateSimpleExpression("score", variables);
		}
		assertThat(unaryParses).as("parses of the two cells").hasValue(2);
		assertThat(expressionParses).as("parses of the input expression").hasValue(1);
		assertThat(tests.stream().filter(Boolean::booleanValue)).as("scores 70.0–79.9 and 90.0–99.9 held").hasSize(200);
	}

	private static DmnDecision parse(DmnEngine engine, String table) throws IOException {
		try (var in = Files.newInputStream(RULES.resolve(table + ".dmn"))) {
			return engine.parseDecision(table, in);
		}
	}

	private static List<Map<String, Object>> results(DmnDecisionResult result) {
		return result.getResultList()
			.stream()
			.map((Map<String, Object> entries) -> (Map<String, Object>) new LinkedHashMap<>(entries))
			.toList();
	}

	private static Map<String, Object> values(JsonNode node) {
		if (node == null) {
			return Map.of();
		}
		return new ObjectMapper().convertValue(node, new TypeReference<Map<String, Object>>() {
		});
	}

	/** The expectation's numbers as the result's types (stars: long vs int). */
	private static Map<String, Object> numbersAsIn(Map<String, Object> expected, Map<String, Object> result) {
		Map<String, Object> converted = new LinkedHashMap<>();
		expected.forEach((name, value) -> {
			Object actual = result.get(name);
			if (value instanceof Number number && actual instanceof Number) {
				converted.put(name, (actual instanceof Long) ? (Object) number.longValue()
						: (actual instanceof Double) ? (Object) number.doubleValue() : (Object) number.intValue());
			}
			else {
				converted.put(name, value);
			}
		});
		return converted;
	}

	private static Object outcome(java.util.function.Supplier<Object> evaluation) {
		try {
			return evaluation.get();
		}
		catch (FeelException ex) {
			return "failed: " + ex.getMessage();
		}
	}

	private static String failure(Runnable evaluation) {
		try {
			evaluation.run();
		}
		catch (FeelException ex) {
			return ex.getMessage();
		}
		throw new AssertionError("expected a failure");
	}

}
