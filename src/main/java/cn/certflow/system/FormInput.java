package cn.certflow.system;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Checks of submitted form values, each failure naming the form field (400 in Tasklist
 * and the REST APIs).
 */
public final class FormInput {

	/**
	 * Longest free text (a reason, findings, attendance): our records keep it with a
	 * sentence around it (a letter's opening with the client's name, "attendance: …") in
	 * 4000-character columns.
	 */
	public static final int MAX_TEXT = 3500;

	private FormInput() {
	}

	/**
	 * The value, trimmed; a missing or blank value is refused with the message, one over
	 * {@link #MAX_TEXT} too.
	 */
	public static String requiredText(VariableFactory<String> field, VariableScope scope, String message) {
		String value = text(field, scope);
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field.getName(), message);
		}
		return value.trim();
	}

	/**
	 * An optional free text as submitted, or null; one over {@link #MAX_TEXT} characters
	 * is refused.
	 */
	public static String text(VariableFactory<String> field, VariableScope scope) {
		String value = field.from(scope).getOrNull();
		if (value != null && value.length() > MAX_TEXT) {
			throw new InvalidInputException(field.getName(),
					"at most " + MAX_TEXT + " characters (" + value.length() + " given)");
		}
		return value;
	}

	/**
	 * A date from a form's date field (yyyy-MM-dd, a time part is ignored); anything else
	 * is refused.
	 */
	public static LocalDate requiredDate(VariableFactory<String> field, VariableScope scope) {
		String value = field.from(scope).getOrNull();
		try {
			return LocalDate.parse(value.substring(0, Math.min(10, value.length())));
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new InvalidInputException(field.getName(), "must be a date (yyyy-MM-dd)");
		}
	}

	/** One of the allowed values; anything else is refused listing them. */
	public static String requiredChoice(VariableFactory<String> field, VariableScope scope, Set<String> allowed) {
		String value = field.from(scope).getOrNull();
		if (!allowed.contains(value)) {
			throw new InvalidInputException(field.getName(), "must be one of " + allowed.stream().sorted().toList());
		}
		return value;
	}

	/**
	 * The non-blank lines of a multi-line text field (a textarea, one entry per line),
	 * trimmed; a line longer than the record that keeps it is refused naming the field
	 * and the line.
	 */
	public static List<String> lines(VariableFactory<String> field, VariableScope scope, int maxLineLength) {
		String value = field.from(scope).getOrNull();
		List<String> lines = new ArrayList<>();
		if (value == null) {
			return lines;
		}
		for (String line : value.split("\\R")) {
			String trimmed = line.trim();
			if (trimmed.length() > maxLineLength) {
				throw new InvalidInputException(field.getName(),
						"line " + (lines.size() + 1) + " is longer than " + maxLineLength + " characters");
			}
			if (!trimmed.isEmpty()) {
				lines.add(trimmed);
			}
		}
		return lines;
	}

}
