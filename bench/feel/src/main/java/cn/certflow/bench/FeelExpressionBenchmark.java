package cn.certflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The FEEL engine alone, without DMN: one pre-parsed expression and one pre-parsed unary test, evaluated per op.
 * camunda/feel-scala#814 reports the regression for pre-parsed evaluation; the fix (feel-scala PR #1108,
 * released in 1.19.5) stops rebuilding the engine's root context (built-in functions, function provider,
 * EvalContext) on every evaluation, i.e. a fixed per-evaluation cost that matters most for cheap expressions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FeelExpressionBenchmark {

  private FeelEngineApi feel;
  private ParsedExpression expression;
  private ParsedExpression unaryTests;
  private Map<String, Object> vars;

  @Setup(Level.Trial)
  public void setup() {
    System.out.println("[feel-bench] feel-engine loaded: " + FeelVersion.checkExpected());
    feel = FeelEngineBuilder.forJava().build();
    expression = parsed(feel.parseExpression("score >= 90 and specialDeductions < 5"));
    unaryTests = parsed(feel.parseUnaryTests(">= 90"));
    vars = new LinkedHashMap<>();
    vars.put("score", 93.2);
    vars.put("specialDeductions", 1);
    if (!Boolean.TRUE.equals(expressionOnce().result())) {
      throw new IllegalStateException("expression evaluated to " + expressionOnce().result());
    }
    if (!Boolean.TRUE.equals(unaryTestOnce().result())) {
      throw new IllegalStateException("unary test evaluated to " + unaryTestOnce().result());
    }
  }

  @Benchmark
  public EvaluationResult expressionParsed() {
    return expressionOnce();
  }

  @Benchmark
  public EvaluationResult unaryTestParsed() {
    return unaryTestOnce();
  }

  private EvaluationResult expressionOnce() {
    return feel.evaluate(expression, vars);
  }

  private EvaluationResult unaryTestOnce() {
    return feel.evaluateWithInput(unaryTests, 93.2, vars);
  }

  private static ParsedExpression parsed(ParseResult r) {
    if (!r.isSuccess()) {
      throw new IllegalStateException("FEEL parse failed: " + r);
    }
    return r.parsedExpression();
  }
}
