package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, the generic guard: whatever the way in (complete, submit-form, resolve, the
 * task's variables, a BPMN error or escalation, a start form, a start through the API, a
 * start at an activity), a caller sets exactly the fields of the form, and a refusal
 * names the variable and changes nothing. An engine of its own with only this plugin, and
 * small models: a Camunda Form with context fields, a form chosen by expression, a
 * generated form, a task without a form, a listener that writes its result.
 */
class FormFieldsOnlyTest {

	private static final String FORM = """
			{"id": "decide", "type": "default", "components": [
			  {"type": "textfield", "key": "applicationNumber", "readonly": true, "disabled": true},
			  {"type": "radio", "key": "outcome", "values": [{"label": "是", "value": "YES"}]},
			  {"type": "group", "path": "details", "components": [{"type": "textarea", "key": "why"}]}
			]}""";

	private static final String OTHER_FORM = """
			{"id": "score", "type": "default", "components": [{"type": "number", "key": "points"}]}""";

	private static final String CQM_FORM = """
			{"id": "score-cqm", "type": "default", "components": [{"type": "number", "key": "indicator"}]}""";

	private static final String START_FORM = """
			{"id": "apply", "type": "default", "components": [{"type": "textfield", "key": "clientName"}]}""";

	private static ProcessEngine engine;

	private static TaskService tasks;

	private static RuntimeService runtime;

	private static FormService forms;

	@BeforeAll
	static void startEngine() {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName("form-fields-only");
		configuration.setJdbcUrl("jdbc:h2:mem:form-fields-only;DB_CLOSE_DELAY=-1");
		configuration.setJobExecutorActivate(false);
		configuration.getProcessEnginePlugins().add(new FormFieldsOnly());
		engine = configuration.buildProcessEngine();
		tasks = engine.getTaskService();
		runtime = engine.getRuntimeService();
		forms = engine.getFormService();
		BpmnModelInstance decide = Bpmn.createExecutableProcess("decide")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.camundaFormRef("apply")
			.camundaFormRefBinding("deployment")
			.userTask("Task_Decide")
			.camundaFormRef("decide")
			.camundaFormRefBinding("deployment")
			.camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE, WritesItsResult.class)
			.userTask("Task_Score")
			.camundaFormRef("${scoringForm}")
			.camundaFormRefBinding("deployment")
			.userTask("Task_Approve")
			.camundaFormField()
			.camundaId("approved")
			.camundaType("boolean")
			.camundaFormFieldDone()
			.userTask("Task_NoForm")
			.endEvent()
			.done();
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("decide.bpmn", decide)
			.addString("decide.form", FORM)
			.addString("score.form", OTHER_FORM)
			.addString("score-cqm.form", CQM_FORM)
			.addString("apply.form", START_FORM)
			.deploy();
	}

	@AfterAll
	static void closeEngine() {
		engine.close();
	}

	/**
	 * Sets the outcome a listener computed while the task completes: our own code, not a
	 * submission.
	 */
	public static class WritesItsResult implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			task.setVariable("result", "computed from " + task.getVariable("outcome"));
		}

	}

	@Test
	void shouldCompleteWithTheFormsFieldsAndWhatListenersWrite() {
		ProcessInstance instance = start();
		tasks.complete(task(instance, "Task_Decide"), Map.of("outcome", "YES", "details", Map.of("why", "符合")));
		assertThat(runtime.getVariable(instance.getId(), "result")).isEqualTo("computed from YES");
		assertThat(runtime.getVariable(instance.getId(), "auditId")).isEqualTo(7L);
	}

	@Test
	void shouldRefuseAnyOtherVariableWhicheverWayItIsSubmittedAndChangeNothing() {
		ProcessInstance instance = start();
		String task = task(instance, "Task_Decide");
		Map<String, Object> forged = Map.of("outcome", "YES", "auditId", 1L);

		assertThatThrownBy(() -> tasks.complete(task, forged)).isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("auditId: ");
		assertThatThrownBy(() -> forms.submitTaskForm(task, forged)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("auditId");
		assertThatThrownBy(() -> tasks.completeWithVariablesInReturn(task, forged, false))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> tasks.complete(task, Map.of("outcome", "YES", "applicationNumber", "APP-1")))
			.as("a field shown read-only is context, not input, even unchanged")
			.isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("applicationNumber: ");
		assertThatThrownBy(() -> tasks.setVariable(task, "auditId", 1L)).isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("auditId");
		assertThatThrownBy(() -> tasks.setVariableLocal(task, "auditId", 1L))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> tasks.setVariables(task, forged)).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> tasks.removeVariable(task, "auditId")).isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> tasks.handleBpmnError(task, "E", "m", Map.of("auditId", 1L)))
			.isInstanceOf(AuthorizationException.class);
		assertThatThrownBy(() -> tasks.handleEscalation(task, "E", Map.of("auditId", 1L)))
			.isInstanceOf(AuthorizationException.class);
		tasks.delegateTask(task, "someone");
		assertThatThrownBy(() -> tasks.resolveTask(task, forged)).isInstanceOf(InvalidInputException.class);

		assertThat(runtime.getVariable(instance.getId(), "auditId")).isEqualTo(7L);
		assertThat(runtime.getVariables(instance.getId())).doesNotContainKey("outcome");
		assertThat(tasks.getVariablesLocal(task)).isEmpty();
		assertThat(task(instance, "Task_Decide")).isEqualTo(task);
		// the form's own fields are fine however they come
		tasks.setVariable(task, "outcome", "YES");
		tasks.removeVariable(task, "outcome");
		tasks.resolveTask(task, Map.of("outcome", "YES"));
	}

	@Test
	void shouldAcceptTheFieldsOfTheFormChosenForTheTaskAndOfAGeneratedForm() {
		ProcessInstance instance = start();
		tasks.complete(task(instance, "Task_Decide"), Map.of("outcome", "YES"));
		String score = task(instance, "Task_Score");
		assertThatThrownBy(() -> tasks.complete(score, Map.of("outcome", "NO"))).as("the decide form's field")
			.isInstanceOf(InvalidInputException.class);
		tasks.complete(score, Map.of("points", 95));
		assertThat(runtime.getVariable(instance.getId(), "points")).isEqualTo(95);
		String approve = task(instance, "Task_Approve");
		assertThatThrownBy(() -> tasks.complete(approve, Map.of("approved", true, "points", 100)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("points: ");
		tasks.complete(approve, Map.of("approved", true));
		String noForm = task(instance, "Task_NoForm");
		assertThatThrownBy(() -> tasks.complete(noForm, Map.of("approved", false))).as("no form, no variables")
			.isInstanceOf(InvalidInputException.class);
		tasks.complete(noForm);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	/**
	 * The scoring task chooses its form by scheme (${scoringForm}: PCEC's sheet or CQM's
	 * indicators). Found by the year simulation (issue 22): once one scheme's scoring had
	 * been completed, the other scheme's scoring was refused field by field, because the
	 * fields were remembered per task definition instead of per form.
	 */
	@Test
	void shouldAcceptEachSchemesScoringFieldsWhenOneTaskChoosesItsFormByExpression() {
		ProcessInstance pcec = start();
		ProcessInstance cqm = start();
		runtime.setVariable(cqm.getId(), "scoringForm", "score-cqm");
		tasks.complete(task(pcec, "Task_Decide"), Map.of("outcome", "YES"));
		tasks.complete(task(cqm, "Task_Decide"), Map.of("outcome", "YES"));

		tasks.complete(task(pcec, "Task_Score"), Map.of("points", 90));
		String cqmScore = task(cqm, "Task_Score");
		assertThatThrownBy(() -> tasks.complete(cqmScore, Map.of("points", 90))).as("the other scheme's field")
			.isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("points: ");
		tasks.complete(cqmScore, Map.of("indicator", 8));
		assertThat(runtime.getVariable(cqm.getId(), "indicator")).isEqualTo(8);
		String nextPcec = task(start(), "Task_Decide");
		assertThat(nextPcec).isNotNull();
	}

	@Test
	void shouldStartWithTheStartFormsFieldsOnly() {
		String definition = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey("decide")
			.singleResult()
			.getId();
		long before = runtime.createProcessInstanceQuery().count();

		assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of("clientName", "某公司", "submittedBy", "x")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageStartingWith("submittedBy: ");
		assertThatThrownBy(
				() -> runtime.startProcessInstanceByKey("decide", Map.of("clientName", "某公司", "auditId", 1L)))
			.isInstanceOf(AuthorizationException.class)
			.hasMessageContaining("auditId: ");
		assertThatThrownBy(() -> runtime.createProcessInstanceById(definition)
			.startBeforeActivity("Task_Score")
			.setVariables(Map.of("clientName", "某公司"))
			.execute()).as("skipping the start form and the first steps").isInstanceOf(AuthorizationException.class);
		assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);

		assertThat(forms.submitStartForm(definition, Map.of("clientName", "某公司"))).isNotNull();
		assertThat(runtime.startProcessInstanceByKey("decide", Map.of("clientName", "某公司"))).isNotNull();
	}

	@Test
	void shouldLeaveAnUnknownTaskToTheEngine() {
		assertThatThrownBy(() -> tasks.complete("no-such-task", Map.of("auditId", 1L)))
			.isInstanceOf(ProcessEngineException.class)
			.isNotInstanceOf(InvalidInputException.class)
			.hasMessageContaining("no-such-task");
	}

	/**
	 * An instance at Task_Decide, with an audit id our own code set (not a submission).
	 */
	/**
	 * Issue 17: the two evaluations of processes/onsite-audit.bpmn share one form
	 * (forms/audit-findings.form); the guard finds its fields from either task.
	 */
	@Test
	void shouldAcceptTheSharedFormsFieldsOnBothTasksThatUseIt() throws Exception {
		String findingsForm = Files.readString(Path.of("forms/audit-findings.form"));
		BpmnModelInstance audit = Bpmn.createExecutableProcess("shared-form")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("Task_EvaluateServiceCharacteristics")
			.camundaFormRef("audit-findings")
			.camundaFormRefBinding("deployment")
			.userTask("Task_AuditServiceManagement")
			.camundaFormRef("audit-findings")
			.camundaFormRefBinding("deployment")
			.endEvent()
			.done();
		engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("shared-form.bpmn", audit)
			.addString("audit-findings.form", findingsForm)
			.deploy();
		ProcessInstance instance = runtime.startProcessInstanceByKey("shared-form");
		for (String step : List.of("Task_EvaluateServiceCharacteristics", "Task_AuditServiceManagement")) {
			String task = task(instance, step);
			assertThatThrownBy(() -> tasks.complete(task, Map.of("findings", "符合", "score", "900")))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageStartingWith("score: ");
			tasks.complete(task, Map.of("findings", "符合", "proposeTermination", false));
		}
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	private static ProcessInstance start() {
		ProcessInstance instance = runtime.startProcessInstanceByKey("decide", Map.of("clientName", "某公司"));
		runtime.setVariable(instance.getId(), "auditId", 7L);
		runtime.setVariable(instance.getId(), "scoringForm", "score");
		return instance;
	}

	private static String task(ProcessInstance instance, String key) {
		List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
		assertThat(open).hasSize(1);
		return open.get(0).getId();
	}

}
