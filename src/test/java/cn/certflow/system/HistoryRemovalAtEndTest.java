package cn.certflow.system;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, history lever refused: the application's engine gives history its removal
 * time when the ROOT instance ends ({@code historyRemovalTimeStrategy: end}). A
 * certificate's lifecycle is the root of its surveillance and recertification audits and
 * runs for more than ten years (the models' historyTimeToLive, P3650D); an audit held in
 * its eleventh year must keep its history while the certificate lives, and for ten years
 * after its end (R-REC accreditation file, PCEC 13 records).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class HistoryRemovalAtEndTest {

	private static final long DAY = Duration.ofDays(1).toMillis();

	@Autowired
	ProcessEngine engine;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldKeepTheHistoryOfAnAuditInTheEleventhYearOfALifecycleUntilTenYearsAfterItsEnd() {
		Deployment deployment = this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("lifecycle.bpmn",
					Bpmn.createExecutableProcess("removalLifecycle")
						.camundaHistoryTimeToLive(3650)
						.startEvent()
						.userTask("Task_TenYearsValid")
						.callActivity("Call_Audit")
						.calledElement("removalAudit")
						.endEvent()
						.done())
			.addModelInstance("audit.bpmn",
					Bpmn.createExecutableProcess("removalAudit")
						.camundaHistoryTimeToLive(3650)
						.startEvent()
						.userTask("Task_Audit")
						.endEvent()
						.done())
			.deploy();
		try {
			ProcessInstance lifecycle = this.engine.getRuntimeService().startProcessInstanceByKey("removalLifecycle");
			ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 3700 * DAY));
			complete(lifecycle.getId());
			String audit = this.engine.getRuntimeService()
				.createProcessInstanceQuery()
				.superProcessInstanceId(lifecycle.getId())
				.singleResult()
				.getId();

			assertThat(auditTask(audit).getRemovalTime()).as("running lifecycle: nothing due for removal").isNull();
			assertThat(history(lifecycle.getId()).getRemovalTime()).isNull();

			complete(audit);
			HistoricProcessInstance ended = history(lifecycle.getId());
			assertThat(ended.getEndTime()).isNotNull();
			Date due = new Date(ended.getEndTime().getTime() + 3650 * DAY);
			assertThat(ended.getRemovalTime()).isEqualTo(due);
			assertThat(auditTask(audit).getRemovalTime()).isEqualTo(due);
		}
		finally {
			this.engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
		}
	}

	private void complete(String processInstanceId) {
		this.engine.getTaskService()
			.complete(this.engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(processInstanceId)
				.singleResult()
				.getId());
	}

	private HistoricProcessInstance history(String processInstanceId) {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
	}

	private HistoricActivityInstance auditTask(String processInstanceId) {
		return this.engine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.activityId("Task_Audit")
			.singleResult();
	}

}
