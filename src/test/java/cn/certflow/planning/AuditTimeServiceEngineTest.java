package cn.certflow.planning;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R-PLAN-1: audit person-days through the engine's decision service. */
@Deployment(resources = "rules/audit-time.dmn")
class AuditTimeServiceEngineTest {

	@RegisterExtension
	static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

	private AuditTimeService service;

	@BeforeEach
	void setUp() {
		this.service = new AuditTimeService(extension.getDecisionService(), extension.getRepositoryService());
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
	void shouldRefuseNoPeople() {
		assertThatThrownBy(() -> this.service.personDays(0, AuditType.INITIAL))
			.isInstanceOf(BadUserRequestException.class)
			.hasMessageContaining("headcount");
	}

}
