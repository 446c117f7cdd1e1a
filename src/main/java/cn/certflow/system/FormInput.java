package cn.certflow.system;

import java.util.Set;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Checks of submitted form values, each failure naming the form field (400 in Tasklist and the REST APIs). */
public final class FormInput {

	private FormInput() {
	}

	/** The value, trimmed; a missing or blank value is refused with the message. */
	public static String requiredText(VariableFactory<String> field, VariableScope scope, String message) {
		String value = field.from(scope).getOrNull();
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field.getName(), message);
		}
		return value.trim();
	}

	/** One of the allowed values; anything else is refused listing them. */
	public static String requiredChoice(VariableFactory<String> field, VariableScope scope, Set<String> allowed) {
		String value = field.from(scope).getOrNull();
		if (!allowed.contains(value)) {
			throw new InvalidInputException(field.getName(), "must be one of " + allowed.stream().sorted().toList());
		}
		return value;
	}

}
