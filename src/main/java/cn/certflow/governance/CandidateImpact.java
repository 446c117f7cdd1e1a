package cn.certflow.governance;

import java.util.List;

import cn.certflow.grading.ApprovedDecision;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Before a candidate version whose cases pass goes to the approver: what it would have
 * done to the past evaluations of the version in force (issue 23). Grade tables: our
 * score records; other tables (audit-time): the engine's decision history. Both versions
 * are evaluated from their deployed XML on the standalone DMN engine, so the simulation
 * writes no decision history and changes no record. It never fails the check: a
 * simulation that cannot run gives a report saying why.
 */
@Service
class CandidateImpact {

	private static final Logger log = LoggerFactory.getLogger(CandidateImpact.class);

	private final RegressionCases tables;

	private final PastGradings gradings;

	private final PastDecisionHistory history;

	CandidateImpact(RegressionCases tables, PastGradings gradings, PastDecisionHistory history) {
		this.tables = tables;
		this.gradings = gradings;
		this.history = history;
	}

	ImpactReport simulate(DecisionDefinition candidate, DecisionApproval inForce) {
		long started = System.nanoTime();
		ApprovedDecision approved = inForce.approved();
		boolean grades = this.gradings.covers(candidate.getKey());
		String source = grades ? this.gradings.source(approved) : this.history.source(approved);
		try {
			StandaloneTable before = StandaloneTable.parse(candidate.getKey(), this.tables.table(inForce));
			StandaloneTable after = StandaloneTable.parse(candidate.getKey(), this.tables.table(candidate));
			List<PastEvaluation> past = grades ? this.gradings.of(approved)
					: this.history.of(approved, before.inputVariables());
			ImpactReport report = ImpactSimulation.run(before, after, past, source)
				.withDuration((System.nanoTime() - started) / 1_000_000);
			log.info("issue 23: {} v{} against v{}: {} ({} ms)", candidate.getKey(), candidate.getVersion(),
					inForce.version(), report.summary(), report.durationMs());
			return report;
		}
		catch (RuntimeException ex) {
			log.warn("issue 23: the impact of {} v{} could not be simulated", candidate.getKey(),
					candidate.getVersion(), ex);
			return ImpactReport.failed(candidate.getKey(), source, String.valueOf(ex.getMessage()),
					(System.nanoTime() - started) / 1_000_000);
		}
	}

}
