package cn.certflow.governance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * Runs a table's regression cases against one exact decision definition version, through
 * the engine's decision service as GradingService does (R-GRD-DMN). Each case is its own
 * engine command, outside any caller's transaction, so a case that makes the table fail
 * is a failed case, not a rolled-back check. Case evaluations are in Cockpit's decision
 * history of that version.
 */
@Service
class RegressionCases {

	private final RepositoryService repository;

	private final DecisionService decisions;

	RegressionCases(RepositoryService repository, DecisionService decisions) {
		this.repository = repository;
		this.decisions = decisions;
	}

	/**
	 * Cases change only together with the table: the {@code <key>.cases.json} deployed in
	 * the same deployment, else the cases approved with the version in force; empty when
	 * there are neither.
	 */
	Optional<CasesToRun> casesFor(DecisionDefinition definition, Optional<DecisionApproval> inForce) {
		for (String name : this.repository.getDeploymentResourceNames(definition.getDeploymentId())) {
			if (definition.getKey().equals(DecisionCases.decisionKeyOf(name))) {
				return Optional.of(new CasesToRun("部署资源 " + name, read(definition.getDeploymentId(), name), true));
			}
		}
		return inForce.filter((approval) -> approval.casesJson() != null)
			.map((approval) -> new CasesToRun(approval.decisionKey() + " v" + approval.version() + " 批准的用例",
					approval.casesJson(), false));
	}

	CaseRun run(DecisionDefinition definition, Optional<CasesToRun> cases) {
		if (cases.isEmpty()) {
			return CaseRun.failed("没有回归用例：部署中没有 " + DecisionCases.fileName(definition.getKey()) + "，也没有已批准的用例可沿用");
		}
		DecisionCases parsed;
		try {
			parsed = DecisionCases.parse(cases.get().json());
		}
		catch (IllegalArgumentException ex) {
			return CaseRun.failed(cases.get().source() + " 无法读取：" + ex.getMessage());
		}
		if (!parsed.decisionKey().equals(definition.getKey())) {
			return CaseRun.failed(
					cases.get().source() + " 是决策 " + parsed.decisionKey() + " 的用例，不是 " + definition.getKey() + " 的");
		}
		return CaseRun.run(parsed,
				(inputs) -> this.decisions.evaluateDecisionTableById(definition.getId())
					.variables(inputs)
					.evaluate()
					.getResultList());
	}

	/** The resource of the definition's deployment that holds its table. */
	byte[] table(DecisionDefinition definition) {
		return bytes(definition.getDeploymentId(), definition.getResourceName());
	}

	byte[] table(DecisionApproval approval) {
		return bytes(approval.deploymentId(),
				this.repository.getDecisionDefinition(approval.definitionId()).getResourceName());
	}

	private String read(String deploymentId, String name) {
		return new String(bytes(deploymentId, name), StandardCharsets.UTF_8);
	}

	private byte[] bytes(String deploymentId, String name) {
		try (InputStream in = this.repository.getResourceAsStream(deploymentId, name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
