package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * R-GRD-DMN: which resources a quality manager may deploy (the engine check itself:
 * ApiSecurityIT).
 */
class DecisionTableDeploymentsOnlyTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "grade-pcec.dmn, true", "rules/audit-time.dmn, true", "grade-cqm.dmn11.xml, true",
			"grade-pcec.cases.json, true", "initial-certification.bpmn, false", "x.bpmn20.xml, false",
			"contract.form, false", "case.cmmn, false", "script.js, false", "probe.dmn.bpmn, false",
			"grade-pcec.cases.json.bpmn, false", "grade-pcec.DMN, false", "notes.json, false" })
	void shouldAllowDecisionTablesAndTheirCasesOnly(String resource, boolean allowed) {
		assertThat(DecisionTableDeploymentsOnly.mayBeDeployedByQualityManagers(resource)).isEqualTo(allowed);
	}

}
