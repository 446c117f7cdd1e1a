package cn.certflow.bench;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;

import cn.certflow.system.ParsedOnceFeelEngine;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Baseline for the engine benchmark: the same table and the same inputs on the standalone
 * Camunda DMN engine (no process engine, no database, no history), the table parsed once.
 * Beside it the same engine with the application's FEEL engine, which also keeps each
 * cell's parsed FEEL expression ({@code system.ParsedOnceFeelEngine}, issue 22):
 * Camunda's FEEL engine parses every cell's text again at each evaluation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class GradePcecStandaloneBenchmark {

	private DmnEngine dmnEngine;

	private DmnDecision pcec;

	private DmnEngine parsedOnceEngine;

	private DmnDecision parsedOncePcec;

	private final PcecInputs inputs = new PcecInputs();

	@Setup(Level.Trial)
	public void setup() throws Exception {
		System.out.println("[rules-bench] feel-engine loaded: " + PcecInputs.feelVersion());
		dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(PcecInputs.RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(PcecInputs.RESOURCE + " not on the classpath");
			}
			pcec = dmnEngine.parseDecision(PcecInputs.DECISION_KEY, in);
		}
		inputs.check(
				v -> PcecInputs.stars(dmnEngine.evaluateDecisionTable(pcec, v).getFirstResult().getEntry("stars"), v));
		parsedOnceEngine = ParsedOnceFeelEngine.standaloneEngine();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(PcecInputs.RESOURCE)) {
			parsedOncePcec = parsedOnceEngine.parseDecision(PcecInputs.DECISION_KEY, in);
		}
		inputs.check(v -> PcecInputs
			.stars(parsedOnceEngine.evaluateDecisionTable(parsedOncePcec, v).getFirstResult().getEntry("stars"), v));
	}

	@Benchmark
	public DmnDecisionTableResult gradePcecStandaloneDmnFeelParsedOnce() {
		return parsedOnceEngine.evaluateDecisionTable(parsedOncePcec, inputs.next());
	}

	@Benchmark
	public DmnDecisionTableResult gradePcecStandaloneDmn() {
		return dmnEngine.evaluateDecisionTable(pcec, inputs.next());
	}

}
