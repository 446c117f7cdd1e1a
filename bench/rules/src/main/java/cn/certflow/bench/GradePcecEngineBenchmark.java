package cn.certflow.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of the PCEC grading decision evaluated the way GradingService does it:
 * through a real Camunda 7.24 process engine's DecisionService, by decision definition
 * id, on an in-memory H2 database. history=full is production's level (every evaluation
 * writes a historic decision instance with its inputs and outputs — a database insert per
 * evaluation); history=none shows what the engine costs without it. Not included:
 * GradingService's latest-version query and GradeExplainer, which run per grading call
 * too.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class GradePcecEngineBenchmark {

	@Param({ "full", "none" })
	public String history;

	private ProcessEngine engine;

	private DecisionService decisionService;

	private String definitionId;

	private final PcecInputs inputs = new PcecInputs();

	@Setup(Level.Trial)
	public void setup() throws Exception {
		System.out.println("[rules-bench] feel-engine loaded: " + PcecInputs.feelVersion());
		ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
			.setProcessEngineName("bench-" + history)
			.setJdbcUrl("jdbc:h2:mem:bench-" + history + ";DB_CLOSE_DELAY=-1")
			.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
			.setJobExecutorActivate(false)
			.setHistory(history);
		engine = config.buildProcessEngine();
		engine.getRepositoryService()
			.createDeployment()
			.name("rules-bench")
			.addClasspathResource(PcecInputs.RESOURCE)
			.deploy();
		DecisionDefinition definition = engine.getRepositoryService()
			.createDecisionDefinitionQuery()
			.decisionDefinitionKey(PcecInputs.DECISION_KEY)
			.latestVersion()
			.singleResult();
		definitionId = definition.getId();
		decisionService = engine.getDecisionService();

		long before = engine.getHistoryService().createHistoricDecisionInstanceQuery().count();
		inputs.check(v -> PcecInputs.stars(evaluate(v).getFirstResult().getEntry("stars"), v));
		long written = engine.getHistoryService().createHistoricDecisionInstanceQuery().count() - before;
		// the history level must really be what the benchmark is labelled with
		long expectedWritten = "full".equals(history) ? inputs.variables.size() + 4 : 0;
		if (written != expectedWritten) {
			throw new IllegalStateException("history=" + history + " wrote " + written
					+ " historic decision instances, expected " + expectedWritten);
		}
		System.out.println("[rules-bench] history=" + engine.getProcessEngineConfiguration().getHistory()
				+ ", historic decision instances written by the sanity check: " + written);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (engine != null) {
			engine.close();
		}
	}

	@Benchmark
	public DmnDecisionTableResult gradePcecThroughEngine() {
		return evaluate(inputs.next());
	}

	private DmnDecisionTableResult evaluate(Map<String, Object> variables) {
		return decisionService.evaluateDecisionTableById(definitionId).variables(variables).evaluate();
	}

}
