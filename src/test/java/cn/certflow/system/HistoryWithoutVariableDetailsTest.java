package cn.certflow.system;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 (history lever): with {@link HistoryWithoutVariableDetails} the engine stops
 * writing one row per variable update to ACT_HI_DETAIL, and keeps every other history
 * row: each variable's last value, the activities and tasks that the accreditation file
 * and Cockpit read.
 */
class HistoryWithoutVariableDetailsTest {

	private ProcessEngine engine;

	@AfterEach
	void close() {
		if (this.engine != null) {
			this.engine.close();
		}
	}

	@Test
	void shouldKeepEachVariablesLastValueAndEveryActivityButNoUpdateDetails() {
		this.engine = engine(true);
		ProcessInstance instance = runOneTaskWithTwoUpdates();

		assertThat(this.engine.getHistoryService().createHistoricDetailQuery().count()).isZero();
		List<HistoricVariableInstance> variables = this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list();
		assertThat(variables).extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("score", 95),
					org.assertj.core.groups.Tuple.tuple("note", "复核后"));
		assertThat(this.engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId("Task_Review")
			.finished()
			.count()).isEqualTo(1);
		assertThat(this.engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count()).isEqualTo(1);
		assertThat(this.engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count())
			.isEqualTo(1);
	}

	@Test
	void shouldWriteNoHistoryOfAVariableOurRecordsKeepAndAllOfTheOthers() {
		this.engine = engine(true,
				(processDefinitionKey, name) -> "review".equals(processDefinitionKey) && "note".equals(name));
		ProcessInstance instance = runOneTaskWithTwoUpdates();

		assertThat(this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list()).extracting(HistoricVariableInstance::getName).containsExactly("score");
		assertThat(this.engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count())
			.as("the process ended normally, its variables deleted without history to mark")
			.isEqualTo(1);
	}

	@Test
	void shouldWriteTheDetailsWithTheEnginesOwnHandler() {
		this.engine = engine(false);
		runOneTaskWithTwoUpdates();

		assertThat(this.engine.getHistoryService().createHistoricDetailQuery().variableUpdates().count())
			.isGreaterThanOrEqualTo(4);
	}

	private ProcessInstance runOneTaskWithTwoUpdates() {
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("review.bpmn",
					Bpmn.createExecutableProcess("review")
						.camundaHistoryTimeToLive(1)
						.startEvent()
						.userTask("Task_Review")
						.endEvent()
						.done())
			.deploy();
		ProcessInstance instance = this.engine.getRuntimeService()
			.startProcessInstanceByKey("review", Map.of("score", 90, "note", "初评"));
		Task task = this.engine.getTaskService().createTaskQuery().singleResult();
		this.engine.getTaskService().complete(task.getId(), Map.of("score", 95, "note", "复核后"));
		return instance;
	}

	private static ProcessEngine engine(boolean withoutDetails) {
		return engine(withoutDetails, (processDefinitionKey, name) -> false);
	}

	private static ProcessEngine engine(boolean withoutDetails, VariablesKeptInRecords kept) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setJdbcUrl("jdbc:h2:mem:history-" + withoutDetails + System.nanoTime())
			.setHistory(ProcessEngineConfiguration.HISTORY_FULL)
			.setJobExecutorActivate(false);
		configuration.setProcessEngineName("history-" + withoutDetails + System.nanoTime());
		if (withoutDetails) {
			configuration.getProcessEnginePlugins()
				.add(new HistoryWithoutVariableDetails(
						new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("kept", kept))
							.getBeanProvider(VariablesKeptInRecords.class)));
		}
		return configuration.buildProcessEngine();
	}

}
