package cn.certflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Whoever completes a task sets exactly the fields of its form, nothing else (issue 15).
 * Camunda lets a task's assignee or candidate set any process variable with the
 * completion ({@code /engine-rest/task/{id}/complete}, {@code …/submit-form}, Tasklist's
 * {@code /camunda/api/engine/…/submit-form}, {@code TaskService.complete}) or through the
 * task's variables ({@code PUT /engine-rest/task/{id}/variables/{name}}): a decision
 * maker could name another client's audit as {@code auditId}. This engine plugin checks
 * each such command before it runs, in the engine, so that every entry point is covered:
 * a variable that is not a field the task's form lets its user fill in (read-only context
 * fields included) is refused with {@link InvalidInputException} naming it (400), and
 * nothing changes; set as the task's variables, or sent with a BPMN error or escalation,
 * it is refused as an AuthorizationException (403: Camunda's REST API answers 500 to any
 * other engine exception there). A task without a form takes no variables. The variables
 * our own listeners set while the task completes are not submitted and are not affected.
 *
 * <p>
 * Starting a process that has a start form ({@code initial-certification}): a start form
 * submission may set its fields only (400); a start through the API
 * ({@code /engine-rest/process-definition/…/start}, {@code RuntimeService}) the same,
 * refused with 403 (Camunda's REST API answers 500 to any other engine exception there),
 * and starting it at chosen activities, skipping the application and its review, is
 * refused (403).
 *
 * <p>
 * Camunda's public API offers no hook that sees the variables of a command; this is a
 * command interceptor (an engine plugin, like {@link DecisionTableDeploymentsOnly}) that
 * reads them from the engine's command classes ({@link SubmittedVariables}), and the form
 * through {@link FormService} as Tasklist does.
 */
@Component
class FormFieldsOnly extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
		}
		interceptors.add(new Check(configuration));
		configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
	}

	/**
	 * Runs inside the command's context (a post interceptor), before the command: a
	 * refusal changes nothing.
	 */
	static class Check extends CommandInterceptor {

		static final String NOT_A_TASK_FIELD = "不是此任务表单中可填写的字段，提交或完成任务时不能设置（只读的显示字段同样不能）";

		static final String NOT_A_START_FIELD = "不是启动表单中可填写的字段，启动流程时不能设置";

		private final ProcessEngineConfigurationImpl configuration;

		/**
		 * Fields of a deployed form bound to its deployment (or a fixed version): they
		 * never change.
		 */
		private final Map<String, Set<String>> fixedForms = new ConcurrentHashMap<>();

		/**
		 * The fields of each task of a deployed process definition whose form is bound to
		 * its deployment or a version (issue 22: one task query per submission instead of
		 * three queries and a form look-up; 12 % of a certification step's CPU in
		 * docs/profile-certification.md). A process definition never changes.
		 */
		private final Map<String, Set<String>> fixedTaskFields = new ConcurrentHashMap<>();

		private final Map<String, Boolean> expressionForms = new ConcurrentHashMap<>();

		Check(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			SubmittedVariables.toTask(command).ifPresent(this::check);
			SubmittedVariables.toStart(command).ifPresent(this::check);
			return this.next.execute(command);
		}

		private void check(SubmittedVariables.ToTask submitted) {
			if (submitted.names().isEmpty() || submitted.taskId() == null) {
				return;
			}
			Set<String> fields = Context.getCommandContext()
				.runWithoutAuthorization(() -> taskFields(submitted.taskId()));
			if (fields != null) {
				refuseOthers(submitted.names(), fields, NOT_A_TASK_FIELD, !submitted.completion());
			}
		}

		private void check(SubmittedVariables.ToStart submitted) {
			Set<String> fields = Context.getCommandContext().runWithoutAuthorization(() -> startFields(submitted));
			if (fields == null) {
				return; // no start form: who may start the process is Camunda's
						// authorization
			}
			if (submitted.atActivities()) {
				throw new AuthorizationException("startInstructions: 有启动表单的流程只能从开始事件经启动表单启动，不能从其中的环节开始");
			}
			refuseOthers(submitted.names(), fields, NOT_A_START_FIELD, !submitted.startForm());
		}

		private static void refuseOthers(Set<String> names, Set<String> fields, String message, boolean forbidden) {
			List<FieldProblem> problems = names.stream()
				.filter((name) -> !fields.contains(name))
				.map((name) -> new FieldProblem(name, message))
				.toList();
			if (problems.isEmpty()) {
				return;
			}
			InvalidInputException refused = new InvalidInputException(problems);
			throw forbidden ? new AuthorizationException(refused.getMessage()) : refused;
		}

		/**
		 * The fields of the task's form; null if there is no such task (the command
		 * reports that itself).
		 */
		private Set<String> taskFields(String taskId) {
			// a list, not singleResult: the query can repeat a task offered to several
			// candidate groups
			List<Task> found = this.configuration.getTaskService().createTaskQuery().taskId(taskId).list();
			if (found.isEmpty()) {
				return null;
			}
			Task task = found.get(0);
			String definedTask = (task.getProcessDefinitionId() != null && task.getTaskDefinitionKey() != null)
					? task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey() : null;
			Set<String> known = (definedTask != null) ? this.fixedTaskFields.get(definedTask) : null;
			if (known != null) {
				return known;
			}
			FormService forms = this.configuration.getFormService();
			FormData form = forms.getTaskFormData(taskId);
			Set<String> fields = (form == null) ? Set.of() : fields(form, () -> forms.getDeployedTaskForm(taskId));
			if (definedTask != null && (form == null || fixedKey(form) != null) && !chosenByExpression(task)) {
				this.fixedTaskFields.put(definedTask, Set.copyOf(fields));
			}
			return fields;
		}

		/**
		 * Whether the task's form is chosen at run time ({@code camunda:formRef} or
		 * {@code camunda:formKey} with an expression, like the scoring form chosen by
		 * scheme): its fields are then remembered per form, never per task definition.
		 */
		private boolean chosenByExpression(Task task) {
			return this.expressionForms
				.computeIfAbsent(task.getProcessDefinitionId() + "|" + task.getTaskDefinitionKey(), (k) -> {
					ModelElementInstance element = this.configuration.getRepositoryService()
						.getBpmnModelInstance(task.getProcessDefinitionId())
						.getModelElementById(task.getTaskDefinitionKey());
					if (!(element instanceof UserTask userTask)) {
						return true;
					}
					return isExpression(userTask.getCamundaFormRef()) || isExpression(userTask.getCamundaFormKey());
				});
		}

		private static boolean isExpression(String value) {
			return value != null && (value.contains("${") || value.contains("#{"));
		}

		/** The fields of the process's start form; null if it has none. */
		private Set<String> startFields(SubmittedVariables.ToStart submitted) {
			String definitionId = submitted.processDefinitionId();
			if (definitionId == null) {
				ProcessDefinition latest = this.configuration.getRepositoryService()
					.createProcessDefinitionQuery()
					.processDefinitionKey(submitted.processDefinitionKey())
					.latestVersion()
					.singleResult();
				if (latest == null) {
					return null; // unknown process: the command reports that itself
				}
				definitionId = latest.getId();
			}
			FormService forms = this.configuration.getFormService();
			FormData form = forms.getStartFormData(definitionId);
			if (form == null || (form.getFormKey() == null && form.getCamundaFormRef() == null
					&& (form.getFormFields() == null || form.getFormFields().isEmpty()))) {
				return null;
			}
			String id = definitionId;
			return fields(form, () -> forms.getDeployedStartForm(id));
		}

		private Set<String> fields(FormData form, Supplier<InputStream> deployed) {
			Set<String> fields = new TreeSet<>();
			if (form.getFormFields() != null) {
				form.getFormFields().stream().map(FormField::getId).forEach(fields::add); // generated
																							// forms
																							// (camunda:formData)
			}
			if (form.getFormKey() == null && form.getCamundaFormRef() == null) {
				return fields;
			}
			String fixed = fixedKey(form);
			Set<String> deployedFields = (fixed != null) ? this.fixedForms.computeIfAbsent(fixed, (k) -> read(deployed))
					: read(deployed);
			fields.addAll(deployedFields);
			return fields;
		}

		private static Set<String> read(Supplier<InputStream> deployed) {
			try (InputStream form = deployed.get()) {
				return FormFields.of(form);
			}
			catch (BadUserRequestException ex) {
				return Set.of(); // not a deployed form: no field we can vouch for
			}
			catch (IOException ex) {
				return Set.of(); // not JSON (e.g. an embedded HTML form): no field we can
									// vouch for
			}
		}

		/**
		 * A cache key for a form that cannot change: bound to the deployment or a
		 * version; null otherwise.
		 */
		private static String fixedKey(FormData form) {
			CamundaFormRef ref = form.getCamundaFormRef();
			if (ref != null) {
				boolean fixed = "deployment".equals(ref.getBinding()) || "version".equals(ref.getBinding());
				return fixed
						? form.getDeploymentId() + "|" + ref.getKey() + "|" + ref.getBinding() + "|" + ref.getVersion()
						: null;
			}
			String key = form.getFormKey();
			return (key != null && key.contains("deployment:")) ? form.getDeploymentId() + "|" + key : null;
		}

	}

}
