package cn.certflow.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.camunda.spin.json.SpinJsonNode;

/**
 * A multi-value form field as a list of strings: Tasklist's checklists arrive as JSON
 * arrays, our API sends lists.
 */
public final class FormLists {

	private FormLists() {
	}

	public static List<String> strings(Object value) {
		if (value instanceof SpinJsonNode json && json.isArray()) {
			List<String> values = new ArrayList<>();
			json.elements().forEach(e -> values.add(e.isString() ? e.stringValue() : e.toString()));
			return values;
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		if (value == null || value.toString().isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

}
