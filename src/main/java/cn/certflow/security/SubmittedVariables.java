package cn.certflow.security;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The variables an engine command would set (or remove) for its caller, and on what: a
 * user task (completion, form submission, resolution, task variables, BPMN error or
 * escalation with variables) or the start of a process (start form, start through the
 * API, start at chosen activities). Camunda's commands keep these in protected fields
 * without getters; they are read once per class here, and a Camunda version that renames
 * one fails at start-up (class initialisation) rather than letting the check pass
 * silently.
 */
final class SubmittedVariables {

	/**
	 * What is submitted to a user task; {@code completion}: completed (or resolved) with
	 * them, as a form submission, rather than set as the task's variables or sent with a
	 * BPMN error or escalation.
	 */
	record ToTask(String taskId, Set<String> names, boolean completion) {
	}

	/**
	 * What a process is started with; {@code atActivities}: started somewhere else than
	 * at its start event.
	 */
	record ToStart(String processDefinitionId, String processDefinitionKey, Set<String> names, boolean startForm,
			boolean atActivities) {
	}

	private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class, "taskId");

	private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");

	private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class, "taskId");

	private static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");

	private static final Field VARIABLE_ENTITY_ID = field(AbstractVariableCmd.class, "entityId");

	private static final Field SET_VARIABLES = field(AbstractSetVariableCmd.class, "variables");

	private static final Field REMOVE_NAMES = field(AbstractRemoveVariableCmd.class, "variableNames");

	private static final Field PATCH_ENTITY_ID = field(AbstractPatchVariablesCmd.class, "entityId");

	private static final Field PATCH_VARIABLES = field(AbstractPatchVariablesCmd.class, "variables");

	private static final Field PATCH_DELETIONS = field(AbstractPatchVariablesCmd.class, "deletions");

	private static final Field ERROR_TASK_ID = field(HandleTaskBpmnErrorCmd.class, "taskId");

	private static final Field ERROR_VARIABLES = field(HandleTaskBpmnErrorCmd.class, "variables");

	private static final Field ESCALATION_TASK_ID = field(HandleTaskEscalationCmd.class, "taskId");

	private static final Field ESCALATION_VARIABLES = field(HandleTaskEscalationCmd.class, "variables");

	private static final Field START_FORM_DEFINITION_ID = field(SubmitStartFormCmd.class, "processDefinitionId");

	private static final Field START_FORM_VARIABLES = field(SubmitStartFormCmd.class, "variables");

	private static final Field START_BUILDER = field(StartProcessInstanceCmd.class, "instantiationBuilder");

	private static final Field START_AT_BUILDER = field(StartProcessInstanceAtActivitiesCmd.class,
			"instantiationBuilder");

	private SubmittedVariables() {
	}

	/** What the command submits to a user task, if it is one of the commands that do. */
	static Optional<ToTask> toTask(Command<?> command) {
		// CompleteTaskCmd includes ResolveTaskCmd (a delegated task resolved with
		// variables)
		if (command instanceof CompleteTaskCmd) {
			return task(command, COMPLETE_TASK_ID, names(get(COMPLETE_VARIABLES, command)), true);
		}
		if (command instanceof SubmitTaskFormCmd) {
			return task(command, SUBMIT_TASK_ID, names(get(SUBMIT_PROPERTIES, command)), true);
		}
		if (command instanceof SetTaskVariablesCmd) {
			return task(command, VARIABLE_ENTITY_ID, names(get(SET_VARIABLES, command)), false);
		}
		if (command instanceof RemoveTaskVariablesCmd) {
			return task(command, VARIABLE_ENTITY_ID, names(get(REMOVE_NAMES, command)), false);
		}
		if (command instanceof PatchTaskVariablesCmd) {
			Set<String> names = names(get(PATCH_VARIABLES, command));
			names.addAll(names(get(PATCH_DELETIONS, command)));
			return task(command, PATCH_ENTITY_ID, names, false);
		}
		if (command instanceof HandleTaskBpmnErrorCmd) {
			return task(command, ERROR_TASK_ID, names(get(ERROR_VARIABLES, command)), false);
		}
		if (command instanceof HandleTaskEscalationCmd) {
			return task(command, ESCALATION_TASK_ID, names(get(ESCALATION_VARIABLES, command)), false);
		}
		return Optional.empty();
	}

	/** What the command starts a process with, if it starts one. */
	static Optional<ToStart> toStart(Command<?> command) {
		if (command instanceof SubmitStartFormCmd) {
			return Optional.of(new ToStart((String) get(START_FORM_DEFINITION_ID, command), null,
					names(get(START_FORM_VARIABLES, command)), true, false));
		}
		if (command instanceof StartProcessInstanceCmd) {
			return Optional.of(start((ProcessInstantiationBuilderImpl) get(START_BUILDER, command), false));
		}
		if (command instanceof StartProcessInstanceAtActivitiesCmd) {
			return Optional.of(start((ProcessInstantiationBuilderImpl) get(START_AT_BUILDER, command), true));
		}
		return Optional.empty();
	}

	private static ToStart start(ProcessInstantiationBuilderImpl builder, boolean atActivities) {
		return new ToStart(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
				names(builder.getVariables()), false, atActivities);
	}

	private static Optional<ToTask> task(Command<?> command, Field taskId, Set<String> names, boolean completion) {
		return Optional.of(new ToTask((String) get(taskId, command), names, completion));
	}

	private static Set<String> names(Object variables) {
		Set<String> names = new TreeSet<>();
		if (variables instanceof Map<?, ?> map) {
			map.keySet().forEach((name) -> names.add(String.valueOf(name)));
		}
		else if (variables instanceof Collection<?> collection) {
			collection.forEach((name) -> names.add(String.valueOf(name)));
		}
		return names;
	}

	private static Object get(Field field, Object command) {
		try {
			return field.get(command);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException ex) {
			throw new IllegalStateException(type.getName() + " has no field '" + name
					+ "' in this Camunda version: FormFieldsOnly cannot see what it submits", ex);
		}
	}

}
