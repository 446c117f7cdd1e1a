package cn.certflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The variables a Camunda Form (form-js JSON, {@code forms/*.form}) lets its user fill
 * in: the key of every keyed component, nested groups and dynamic lists included, except
 * the components that only show context — read-only or disabled ones, which Tasklist does
 * not submit. A component inside a group or list with a {@code path}, or a key with dots,
 * is submitted as part of the variable named by the first segment of its path.
 */
final class FormFields {

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormFields() {
	}

	/** The variables the form submits; empty if it is no form-js form. */
	static Set<String> of(InputStream form) throws IOException {
		Set<String> names = new TreeSet<>();
		JsonNode root = JSON.readTree(form);
		if (root != null && root.isObject()) {
			collect(root, "", names);
		}
		return names;
	}

	private static void collect(JsonNode container, String path, Set<String> names) {
		for (JsonNode component : container.path("components")) {
			if (isContextOnly(component) || "button".equals(component.path("type").asText())) {
				continue;
			}
			String key = component.path("key").isTextual() ? component.path("key").asText().trim() : "";
			if (!key.isEmpty()) {
				names.add(firstSegment(join(path, key)));
			}
			String nested = component.path("path").isTextual() ? component.path("path").asText().trim() : "";
			collect(component, join(path, nested), names);
		}
	}

	/**
	 * Shown for context only: {@code readonly: true} or {@code disabled: true} (a FEEL
	 * condition may allow input).
	 */
	private static boolean isContextOnly(JsonNode component) {
		return component.path("readonly").asBoolean(false) && component.path("readonly").isBoolean()
				|| component.path("disabled").asBoolean(false) && component.path("disabled").isBoolean();
	}

	private static String join(String path, String segment) {
		return path.isEmpty() ? segment : (segment.isEmpty() ? path : path + "." + segment);
	}

	private static String firstSegment(String path) {
		int dot = path.indexOf('.');
		return (dot < 0) ? path : path.substring(0, dot);
	}

}
