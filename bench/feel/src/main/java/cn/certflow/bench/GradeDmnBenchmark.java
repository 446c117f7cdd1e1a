package cn.certflow.bench;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the standalone Camunda DMN engine evaluating CertFlow's real decision tables
 * (rules/grade-pcec.dmn, rules/grade-cqm.dmn, copied into the jar at build time). Input expressions,
 * input entries (unary tests) and output entries are all FEEL, so the FEEL engine dominates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GradeDmnBenchmark {

  private DmnEngine dmnEngine;
  private DmnDecision pcec;
  private DmnDecision cqm;
  private final List<Map<String, Object>> pcecInputs = new ArrayList<>();
  private final List<Map<String, Object>> cqmInputs = new ArrayList<>();
  private int pcecIndex;
  private int cqmIndex;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    String version = FeelVersion.checkExpected();
    System.out.println("[feel-bench] feel-engine loaded: " + version);

    dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    pcec = parse("rules/grade-pcec.dmn", "grade-pcec");
    cqm = parse("rules/grade-cqm.dmn", "grade-cqm");

    // PCEC: scores 65.0, 72.5, 85.1, 93.2, 97.0 x special deductions 0..5 (30 inputs)
    double[] scores = {65.0, 72.5, 85.1, 93.2, 97.0};
    for (int d = 0; d <= 5; d++) {
      for (double score : scores) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("score", score);
        v.put("specialDeductions", d);
        int expected = expectedPcecStars(score, d);
        check("grade-pcec " + v, evaluateStars(pcec, v), expected);
        pcecInputs.add(v);
      }
    }
    // explicit anchors, so a broken table/engine cannot slip through an equally broken expectation function
    check("grade-pcec 97/0", evaluateStars(pcec, pcecVars(97.0, 0)), 5);
    check("grade-pcec 93.2/0", evaluateStars(pcec, pcecVars(93.2, 0)), 4);
    check("grade-pcec 65/0", evaluateStars(pcec, pcecVars(65.0, 0)), 0);
    check("grade-pcec 97/5", evaluateStars(pcec, pcecVars(97.0, 5)), 0);

    // CQM: one input per result row (5 .. 0 stars)
    addCqm(5, 95.0, 0.95, true, 0, 95.0, 92.0, 24, 0, 0, 0, 0, 0, 0, 0);
    addCqm(4, 85.0, 0.85, true, 1, 85.0, 82.0, 18, 0, 1, 0, 1, 1, 1, 0);
    addCqm(3, 75.0, 0.72, true, 0, 75.0, 71.0, 8, 0, 0, 0, 0, 0, 2, 0);
    addCqm(2, 62.0, 0.50, true, 0, 65.0, 50.0, 6, 0, 0, 0, 0, 0, 3, 0);
    addCqm(1, 55.0, 0.40, true, 2, 40.0, 30.0, 3, 1, 2, 1, 2, 3, 5, 2);
    addCqm(0, 95.0, 0.95, false, 0, 95.0, 92.0, 24, 0, 0, 0, 0, 0, 0, 0);
  }

  @Benchmark
  public DmnDecisionTableResult gradePcec() {
    Map<String, Object> v = pcecInputs.get(pcecIndex);
    pcecIndex = (pcecIndex + 1) % pcecInputs.size();
    return dmnEngine.evaluateDecisionTable(pcec, v);
  }

  @Benchmark
  public DmnDecisionTableResult gradeCqm() {
    Map<String, Object> v = cqmInputs.get(cqmIndex);
    cqmIndex = (cqmIndex + 1) % cqmInputs.size();
    return dmnEngine.evaluateDecisionTable(cqm, v);
  }

  // ---------------------------------------------------------------------------------------------

  private DmnDecision parse(String resource, String key) throws Exception {
    try (InputStream in = GradeDmnBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not in the jar");
      }
      return dmnEngine.parseDecision(key, in);
    }
  }

  private static Map<String, Object> pcecVars(double score, int deductions) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("score", score);
    v.put("specialDeductions", deductions);
    return v;
  }

  /** R-GRD-PCEC-3, written independently of the table. */
  private static int expectedPcecStars(double score, int deductions) {
    if (deductions >= 5) return 0;
    if (score >= 95) return 5;
    if (score >= 90) return 4;
    if (score >= 80) return 3;
    if (score >= 70) return 2;
    return 0;
  }

  private void addCqm(int expectedStars, double x, double minRatio, boolean auditPassed, int serious,
      double survey, double faceSurvey, int months, int acc12, int acc24, int neg12, int neg24, int negTotal,
      int complaints, int unrectified) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("characteristicScore", x);
    v.put("minIndicatorRatio", minRatio);
    v.put("managementAuditPassed", auditPassed);
    v.put("seriousNonconformities", serious);
    v.put("surveyScore", survey);
    v.put("faceSurveyScore", faceSurvey);
    v.put("operatingMonths", months);
    v.put("liabilityAccidents12m", acc12);
    v.put("liabilityAccidents24m", acc24);
    v.put("negativeInfo12m", neg12);
    v.put("negativeInfo24m", neg24);
    v.put("negativeInfoTotal", negTotal);
    v.put("majorComplaints", complaints);
    v.put("majorComplaintsUnrectified", unrectified);
    check("grade-cqm " + v, evaluateStars(cqm, v), expectedStars);
    cqmInputs.add(v);
  }

  private int evaluateStars(DmnDecision decision, Map<String, Object> vars) {
    DmnDecisionTableResult result = dmnEngine.evaluateDecisionTable(decision, vars);
    Object stars = result.getSingleResult().getEntry("stars");
    if (!(stars instanceof Number)) {
      throw new IllegalStateException(decision.getKey() + " returned stars=" + stars + " for " + vars);
    }
    return ((Number) stars).intValue();
  }

  private static void check(String what, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalStateException(what + ": stars " + actual + ", expected " + expected);
    }
  }
}
