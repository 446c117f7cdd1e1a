package cn.certflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.task.Task;

/**
 * What a person can enter on a task's deployed Camunda Form: the keys of its editable
 * fields and, for a required field nobody told the simulation about, a plausible value
 * (the first option of a choice, a checked box, a short text, today for a date). The
 * simulated staff submit only these keys, as Tasklist does, so a form that gains or loses
 * a field does not break the simulation.
 */
final class FormValues {

	record Field(String key, String type, boolean required, String firstOption) {
	}

	private final FormService forms;

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, List<Field>> byDefinition = new ConcurrentHashMap<>();

	FormValues(FormService forms) {
		this.forms = forms;
	}

	/**
	 * The values submitted for the task: the simulation's own ones restricted to the
	 * form's fields, then every required field still empty filled in.
	 */
	Map<String, Object> submit(Task task, Map<String, Object> wanted, String today) {
		List<Field> fields = fields(task);
		if (fields.isEmpty()) {
			return wanted;
		}
		Map<String, Object> values = new HashMap<>();
		for (Field field : fields) {
			if (wanted.containsKey(field.key())) {
				values.put(field.key(), wanted.get(field.key()));
			}
			else if (field.required()) {
				values.put(field.key(), plausible(field, today));
			}
		}
		return values;
	}

	/**
	 * The fields of the task's form, read once per deployed form (the task query must
	 * initialize form keys: one task, the scoring, chooses its form at run time).
	 */
	List<Field> fields(Task task) {
		String form = (task.getCamundaFormRef() != null) ? task.getCamundaFormRef().getKey() + ":"
				+ task.getCamundaFormRef().getBinding() + ":" + task.getCamundaFormRef().getVersion()
				: task.getTaskDefinitionKey();
		return this.byDefinition.computeIfAbsent(task.getProcessDefinitionId() + "/" + form,
				(key) -> read(task.getId()));
	}

	private List<Field> read(String taskId) {
		List<Field> fields = new ArrayList<>();
		try (InputStream form = this.forms.getDeployedTaskForm(taskId)) {
			collect(this.json.readTree(form).path("components"), fields);
		}
		catch (IOException | RuntimeException ex) {
			// an embedded or generated form: the simulation's values go as they are
			return List.of();
		}
		return fields;
	}

	private static void collect(JsonNode components, List<Field> fields) {
		for (JsonNode c : components) {
			String key = c.path("key").asText("");
			boolean editable = !c.path("disabled").asBoolean(false) && !c.path("readonly").asBoolean(false);
			if (!key.isEmpty() && editable && !c.path("type").asText().equals("button")) {
				JsonNode values = c.path("values");
				String first = (values.isArray() && values.size() > 0) ? values.get(0).path("value").asText() : null;
				fields.add(new Field(key, c.path("type").asText(), c.path("validate").path("required").asBoolean(false),
						first));
			}
			if (!c.path("type").asText().equals("dynamiclist")) {
				// a list's own fields are its rows' keys, not the task's variables
				collect(c.path("components"), fields);
			}
		}
	}

	private static Object plausible(Field field, String today) {
		return switch (field.type()) {
			case "checkbox" -> true;
			case "number" -> 0L;
			case "datetime" -> today;
			case "select", "radio" -> (field.firstOption() != null) ? field.firstOption() : "模拟";
			case "checklist", "taglist" -> (field.firstOption() != null) ? List.of(field.firstOption()) : List.of();
			default -> "模拟填写：" + field.key();
		};
	}

}
