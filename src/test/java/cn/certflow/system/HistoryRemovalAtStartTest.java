package cn.certflow.system;

import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, history lever: the application's engine gives each history row its removal
 * time when the root process instance starts ({@code historyRemovalTimeStrategy: start}),
 * so nothing is updated when it ends, and the time is its start plus the model's
 * historyTimeToLive.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class HistoryRemovalAtStartTest {

	@Autowired
	ProcessEngine engine;

	@Test
	void shouldKnowTheRemovalTimeOfARunningInstancesHistoryFromItsStart() {
		Deployment deployment = this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("removal.bpmn",
					Bpmn.createExecutableProcess("removalAtStart")
						.camundaHistoryTimeToLive(3650)
						.startEvent()
						.userTask("Task_Wait")
						.endEvent()
						.done())
			.deploy();
		try {
			ProcessInstance running = this.engine.getRuntimeService().startProcessInstanceByKey("removalAtStart");

			HistoricProcessInstance history = this.engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceId(running.getId())
				.singleResult();
			assertThat(history.getEndTime()).isNull();
			assertThat(history.getRemovalTime()).isNotNull();
			long days = (history.getRemovalTime().getTime() - history.getStartTime().getTime()) / 86_400_000L;
			assertThat(days).isEqualTo(3650);
			HistoricActivityInstance task = this.engine.getHistoryService()
				.createHistoricActivityInstanceQuery()
				.processInstanceId(running.getId())
				.activityId("Task_Wait")
				.singleResult();
			assertThat(task.getRemovalTime()).isEqualTo(history.getRemovalTime()).isAfter(new Date());
		}
		finally {
			this.engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
		}
	}

}
