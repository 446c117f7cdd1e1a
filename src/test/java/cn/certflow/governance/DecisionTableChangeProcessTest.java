package cn.certflow.governance;

import static cn.certflow.governance.DecisionTableChange.Elements.APPROVE_CHANGE;
import static cn.certflow.governance.DecisionTableChange.Elements.CHANGE_APPLIED;
import static cn.certflow.governance.DecisionTableChange.Elements.CHANGE_DECLINED;
import static cn.certflow.governance.DecisionTableChange.Elements.CHANGE_REJECTED;
import static cn.certflow.governance.DecisionTableChange.Elements.REVIEW_FAILED_CASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.certflow.support.GatewayPaths;
import cn.certflow.support.ProcessTestEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * R-GRD-DMN: the flow of processes/decision-table-change.bpmn, listeners mocked (what
 * they record and refuse is tested in DecisionGovernanceTest).
 */
@Deployment(resources = "processes/decision-table-change.bpmn")
class DecisionTableChangeProcessTest {

	@RegisterExtension
	static final ProcessTestEngine engine = new ProcessTestEngine();

	@RegisterExtension
	static final GatewayPaths paths = new GatewayPaths("processes/decision-table-change.bpmn");

	private final List<String> calls = new ArrayList<>();

	@BeforeEach
	void registerListeners() {
		for (String name : List.of("changeTaskTitleListener", "failedCasesReviewListener", "secondApproverListener",
				"changeApprovalListener")) {
			Mocks.register(name,
					(TaskListener) (DelegateTask task) -> this.calls.add(name + ":" + task.getEventName()));
		}
	}

	private static ProcessInstance start(String outcome) {
		return runtimeService().startProcessInstanceByKey(DecisionTableChange.KEY, "grade-pcec:v2",
				Map.of("approvalId", 7L, "decisionKey", "grade-pcec", "decisionVersion", 2, "proposedBy", "quality",
						"caseOutcome", outcome, "caseReport", "✗ 95 分：…"));
	}

	@Test
	void shouldSendFailedCasesToTheQualityManagersAndEndRejected() {
		ProcessInstance instance = start("FAILED");
		assertThat(instance).isWaitingAt(REVIEW_FAILED_CASES).task().hasCandidateGroup("quality-managers");
		assertThat(this.calls).containsExactly("changeTaskTitleListener:create");
		complete(task(instance), withVariables("reviewNote", "误改了五星级下限"));
		assertThat(instance).isEnded().hasPassed(CHANGE_REJECTED).hasNotPassed(APPROVE_CHANGE);
		assertThat(this.calls).contains("failedCasesReviewListener:complete");
	}

	@Test
	void shouldWaitForASecondQualityManagerAndApplyTheApprovedChange() {
		ProcessInstance instance = start("PASSED");
		assertThat(instance).isWaitingAt(APPROVE_CHANGE).task().hasCandidateGroup("quality-managers");
		complete(task(instance), withVariables("changeApproved", true, "approvalComment", "同意"));
		assertThat(instance).isEnded().hasPassed(CHANGE_APPLIED).hasNotPassed(REVIEW_FAILED_CASES);
		assertThat(this.calls).containsSubsequence("secondApproverListener:complete",
				"changeApprovalListener:complete");
	}

	@Test
	void shouldEndDeclinedWhenTheSecondQualityManagerDeclines() {
		ProcessInstance instance = start("PASSED");
		this.calls.clear();
		engine.getTaskService().claim(task(instance).getId(), "quality2");
		assertThat(this.calls).as("four eyes are checked on assignment too")
			.contains("secondApproverListener:assignment");
		complete(task(instance), withVariables("changeApproved", false, "approvalComment", "理由不足"));
		assertThat(instance).isEnded().hasPassed(CHANGE_DECLINED);
	}

}
