package cn.certflow.governance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The regression cases of one decision table, kept beside it as
 * {@code rules/<key>.cases.json} and deployed with it (R-GRD-DMN): each case gives the
 * table's inputs and the outputs it must give. {@code defaults} are merged under every
 * case's inputs; an empty {@code expected} means no rule may match.
 *
 * @param decisionKey the decision the cases belong to
 * @param description what the cases cover
 * @param cases the cases, inputs already merged with the defaults
 */
record DecisionCases(String decisionKey, String description, List<DecisionCase> cases) {

	/**
	 * File name suffix: {@code grade-pcec.cases.json} belongs to decision
	 * {@code grade-pcec}.
	 */
	static final String SUFFIX = ".cases.json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Set<String> FILE_FIELDS = Set.of("decision", "description", "defaults", "cases");

	private static final Set<String> CASE_FIELDS = Set.of("name", "description", "inputs", "expected");

	DecisionCases {
		cases = List.copyOf(cases);
	}

	/**
	 * One case.
	 *
	 * @param name short name, unique in the file
	 * @param description why the case is there (the clause it checks)
	 * @param ownInputs the inputs the case sets itself (shown in reports)
	 * @param inputs every input handed to the table: the defaults overridden by the
	 * case's own inputs
	 * @param expected output name → value the first matching rule must give; empty: no
	 * rule may match
	 */
	record DecisionCase(String name, String description, Map<String, Object> ownInputs, Map<String, Object> inputs,
			Map<String, Object> expected) {

		boolean expectsNoMatch() {
			return this.expected.isEmpty();
		}

	}

	static String fileName(String decisionKey) {
		return decisionKey + SUFFIX;
	}

	/**
	 * The decision key a cases resource belongs to, or null when the name is not a cases
	 * file.
	 */
	static String decisionKeyOf(String resourceName) {
		String name = resourceName
			.substring(Math.max(resourceName.lastIndexOf('/'), resourceName.lastIndexOf('\\')) + 1);
		return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : null;
	}

	/**
	 * Reads a cases file.
	 * @throws IllegalArgumentException naming the case and field when the file is
	 * malformed
	 */
	static DecisionCases parse(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("不是有效的 JSON：" + ex.getOriginalMessage(), ex);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("不是 JSON 对象");
		}
		unknownFields(root, FILE_FIELDS, "文件");
		String key = text(root, "decision", "文件");
		Map<String, Object> defaults = values(root.path("defaults"), "defaults");
		JsonNode list = root.path("cases");
		if (!list.isArray() || list.isEmpty()) {
			throw new IllegalArgumentException("cases 必须是非空数组");
		}
		List<DecisionCase> cases = new ArrayList<>();
		Set<String> names = new HashSet<>();
		int number = 0;
		for (JsonNode node : list) {
			number++;
			String where = "第 " + number + " 个用例";
			if (!node.isObject()) {
				throw new IllegalArgumentException(where + "不是 JSON 对象");
			}
			unknownFields(node, CASE_FIELDS, where);
			String name = text(node, "name", where);
			if (!names.add(name)) {
				throw new IllegalArgumentException(where + "的 name「" + name + "」重复");
			}
			where = where + "「" + name + "」";
			Map<String, Object> own = values(node.path("inputs"), where + " inputs");
			Map<String, Object> inputs = new LinkedHashMap<>(defaults);
			inputs.putAll(own);
			if (!node.path("expected").isObject()) {
				throw new IllegalArgumentException(where + "缺少 expected（输出名 → 期望值；{} 表示不得匹配任何规则）");
			}
			Map<String, Object> expected = values(node.path("expected"), where + " expected");
			cases.add(new DecisionCase(name, node.path("description").asText(""), own, inputs, expected));
		}
		return new DecisionCases(key, root.path("description").asText(""), cases);
	}

	private static void unknownFields(JsonNode node, Set<String> known, String where) {
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!known.contains(name)) {
				throw new IllegalArgumentException(
						where + "有未知字段「" + name + "」，允许的字段：" + known.stream().sorted().toList());
			}
		}
	}

	private static String text(JsonNode node, String field, String where) {
		JsonNode value = node.path(field);
		if (!value.isTextual() || value.asText().isBlank()) {
			throw new IllegalArgumentException(where + "缺少 " + field);
		}
		return value.asText().trim();
	}

	/**
	 * An object of scalar values as Java values (Integer/Long, Double, Boolean, String,
	 * null).
	 */
	private static Map<String, Object> values(JsonNode node, String where) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (node.isMissingNode() || node.isNull()) {
			return values;
		}
		if (!node.isObject()) {
			throw new IllegalArgumentException(where + " 必须是 JSON 对象");
		}
		node.fields()
			.forEachRemaining(
					(field) -> values.put(field.getKey(), scalar(field.getValue(), where + "." + field.getKey())));
		return values;
	}

	private static Object scalar(JsonNode value, String where) {
		if (value.isNull()) {
			return null;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isTextual()) {
			return value.textValue();
		}
		if (value.isIntegralNumber()) {
			return value.canConvertToInt() ? (Object) value.intValue() : (Object) value.longValue();
		}
		if (value.isNumber()) {
			return value.doubleValue();
		}
		throw new IllegalArgumentException(where + " 必须是数字、文本、true/false 或 null");
	}

}
