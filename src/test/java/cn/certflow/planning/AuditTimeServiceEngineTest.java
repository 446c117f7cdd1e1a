package cn.certflow.planning;

import java.util.Map;

import cn.certflow.grading.ApprovedDecision;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R-PLAN-1: audit person-days through the engine's decision service. */
@Deployment(resources = "rules/audit-time.dmn")
class AuditTimeServiceEngineTest {

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder()
		.configurationResource("camunda-unit.cfg.xml")
		.build();

	private AuditTimeService service;

	@BeforeEach
	void setUp() {
		// the deployed table stands approved here; approval itself:
		// cn.certflow.governance (R-GRD-DMN)
		this.service = new AuditTimeService(extension.getDecisionService(), (key) -> {
			DecisionDefinition deployed = extension.getRepositoryService()
				.createDecisionDefinitionQuery()
				.decisionDefinitionKey(key)
				.latestVersion()
				.singleResult();
			return new ApprovedDecision(key, deployed.getVersion(), deployed.getId());
		});
	}

	@Test
	void shouldGivePersonDaysPerType() {
		assertThat(this.service.personDays(60, AuditType.INITIAL)).isEqualTo(4);
		assertThat(this.service.personDays(60, AuditType.SURVEILLANCE)).isEqualTo(3);
		assertThat(this.service.personDays(60, AuditType.RECERTIFICATION)).isEqualTo(4);
		assertThat(this.service.personDays(10, AuditType.SURVEILLANCE)).isEqualTo(2);
		assertThat(this.service.personDays(6000, AuditType.RECERTIFICATION)).isEqualTo(8);
		assertThat(extension.getHistoryService()
			.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(AuditTimeService.DECISION_KEY)
			.count()).isEqualTo(5);
	}

	@Test
	void shouldWorkFromABusinessRuleTaskWithSingleEntryResult() {
		// R-PLAN-1: the initial-certification BPMN calls audit-time with headcount and
		// auditType
		BpmnModelInstance model = Bpmn.createExecutableProcess("Process_AuditTimeProbe")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.businessRuleTask("Task_AuditTime")
			.camundaDecisionRef(AuditTimeService.DECISION_KEY)
			.camundaResultVariable("personDays")
			.camundaMapDecisionResult("singleEntry")
			.userTask("Task_Wait")
			.endEvent()
			.done();
		extension.manageDeployment(extension.getRepositoryService()
			.createDeployment()
			.addModelInstance("audit-time-probe.bpmn", model)
			.deploy());
		ProcessInstance instance = extension.getRuntimeService()
			.startProcessInstanceByKey("Process_AuditTimeProbe",
					Map.of("headcount", 300, "auditType", AuditType.RECERTIFICATION.name()));
		assertThat(extension.getRuntimeService().getVariable(instance.getId(), "personDays")).isEqualTo(5);
	}

	@Test
	void shouldRefuseNoPeople() {
		assertThatThrownBy(() -> this.service.personDays(0, AuditType.INITIAL))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("headcount");
	}

}
