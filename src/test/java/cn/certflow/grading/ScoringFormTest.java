package cn.certflow.grading;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scoring forms and the sheets cannot drift: one field per item, right key, right
 * range.
 */
class ScoringFormTest {

	private static final SchemeCatalog CATALOG = new SchemeCatalog();

	@Test
	void shouldHaveOneSelectPerPcecItemWithNotApplicableAndZeroToPoints() throws IOException {
		JsonNode form = read("forms/audit-scoring-pcec.form");
		assertThat(form.path("id").asText()).isEqualTo("audit-scoring-pcec");
		assertThat(form.path("type").asText()).isEqualTo("default");
		assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
		Map<String, JsonNode> fields = fields(form, ScoringVariables.ITEM_PREFIX);
		Scheme pcec = CATALOG.get("PCEC");
		assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(
				pcec.sheet().items().stream().map((item) -> item.variableName(pcec.scoring())).toList());
		for (SheetItem item : pcec.sheet().items()) {
			JsonNode field = fields.get(item.variableName(pcec.scoring()));
			assertThat(field.path("type").asText()).isEqualTo("select");
			assertThat(field.path("validate").path("required").asBoolean()).isTrue();
			assertThat(field.path("label").asText()).startsWith(item.id() + " ").endsWith("（" + item.points() + "分）");
			List<String> values = new ArrayList<>();
			field.path("values").forEach((option) -> values.add(option.path("value").asText()));
			List<String> expected = new ArrayList<>(List.of(ScoringVariables.NOT_APPLICABLE));
			for (int p = 0; p <= item.points(); p++) {
				expected.add(String.valueOf(p));
			}
			assertThat(values).as(item.id()).isEqualTo(expected);
			// issue 19.5: each item comes preselected at its full points, to be lowered
			// or
			// set to 不适用 where the audit found less — no two clicks per item
			assertThat(field.path("defaultValue").asText()).as(item.id() + " preselected")
				.isEqualTo(String.valueOf(item.points()));
		}
		assertThat(form.toString()).doesNotContain("\"" + ScoringVariables.DEDUCTIONS_LAW + "\"",
				"\"" + ScoringVariables.SPECIAL_STRENGTHS + "\"");
	}

	@Test
	void shouldRecordEachSpecialDeductionAndStrengthAsALineWithKindDescriptionAndEvidence_PCEC_6_1()
			throws IOException {
		// PCEC 6.1, issue 20.8: dynamic lists (form-js of Camunda 7.24 Tasklist), no
		// counts
		JsonNode form = read("forms/audit-scoring-pcec.form");
		Map<String, JsonNode> lists = new LinkedHashMap<>();
		collectLists(form.path("components"), lists);
		assertThat(lists).containsOnlyKeys(ScoringVariables.DEDUCTIONS, ScoringVariables.STRENGTHS);
		Map<String, List<String>> kinds = Map.of(ScoringVariables.DEDUCTIONS,
				java.util.Arrays.stream(SpecialDeductionKind.values()).map(Enum::name).toList(),
				ScoringVariables.STRENGTHS,
				java.util.Arrays.stream(SpecialStrengthKind.values()).map(Enum::name).toList());
		lists.forEach((path, list) -> {
			assertThat(list.path("isRepeating").asBoolean()).isTrue();
			assertThat(list.path("allowAddRemove").asBoolean()).isTrue();
			assertThat(list.path("defaultRepetitions").asInt()).as("no empty line to fill").isZero();
			Map<String, JsonNode> row = fields(list, "");
			assertThat(row).containsOnlyKeys(ScoringVariables.ROW_KIND, ScoringVariables.ROW_DESCRIPTION,
					ScoringVariables.ROW_EVIDENCE);
			row.values().forEach((field) -> assertThat(field.path("validate").path("required").asBoolean()).isTrue());
			List<String> values = new ArrayList<>();
			row.get(ScoringVariables.ROW_KIND).path("values").forEach((v) -> values.add(v.path("value").asText()));
			assertThat(values).as(path).containsExactlyElementsOf(kinds.get(path));
		});
	}

	private static void collectLists(JsonNode components, Map<String, JsonNode> lists) {
		for (JsonNode component : components) {
			if ("dynamiclist".equals(component.path("type").asText())) {
				lists.put(component.path("path").asText(), component);
			}
			collectLists(component.path("components"), lists);
		}
	}

	@Test
	void shouldHaveOneNumberPerCqmIndicatorUpToItsWeight() throws IOException {
		JsonNode form = read("forms/audit-scoring-cqm.form");
		assertThat(form.path("id").asText()).isEqualTo("audit-scoring-cqm");
		Map<String, JsonNode> fields = fields(form, ScoringVariables.INDICATOR_PREFIX);
		Scheme cqm = CATALOG.get("CQM");
		assertThat(fields).hasSize(cqm.sheet().items().size());
		for (SheetItem item : cqm.sheet().items()) {
			JsonNode field = fields.get(item.variableName(cqm.scoring()));
			assertThat(field).as(item.id()).isNotNull();
			assertThat(field.path("type").asText()).isEqualTo("number");
			assertThat(field.path("validate").path("min").asInt()).isZero();
			assertThat(field.path("validate").path("max").asInt()).isEqualTo(item.points());
			assertThat(field.path("validate").path("required").asBoolean()).isTrue();
		}
		Map<String, JsonNode> all = fields(form, "");
		// issue 20.10 (CQM 5.3, 5.4): the surveys and the management audit's result are
		// entered on the evaluation tasks, where they arise, and only shown here
		assertThat(all).doesNotContainKeys(ScoringVariables.MANAGEMENT_AUDIT_PASSED,
				ScoringVariables.SERIOUS_NONCONFORMITIES, ScoringVariables.SURVEY_SCORE,
				ScoringVariables.FACE_SURVEY_SCORE);
		Map<String, JsonNode> evaluation = fields(read("forms/audit-findings.form"), "");
		assertThat(evaluation.get(ScoringVariables.MANAGEMENT_AUDIT_PASSED).path("type").asText())
			.isEqualTo("checkbox");
		assertThat(evaluation.get(ScoringVariables.FACE_SURVEY_SCORE).path("validate").path("max").asInt())
			.isEqualTo(100);
		assertThat(all).containsKeys(ScoringVariables.OPERATING_MONTHS, ScoringVariables.LIABILITY_ACCIDENTS_12M,
				ScoringVariables.LIABILITY_ACCIDENTS_24M, ScoringVariables.NEGATIVE_INFO_12M,
				ScoringVariables.NEGATIVE_INFO_24M, ScoringVariables.NEGATIVE_INFO_TOTAL,
				ScoringVariables.MAJOR_COMPLAINTS, ScoringVariables.MAJOR_COMPLAINTS_UNRECTIFIED);
	}

	@Test
	void shouldGroupThePcecSheetByCategoryWithSubtotalsAndEndWithTheLivePreview() throws IOException {
		// issue 7: the sheet grouped by category, each group closing with its subtotal,
		// then the score/grade preview
		JsonNode form = read("forms/audit-scoring-pcec.form");
		Scheme pcec = CATALOG.get("PCEC");
		Map<String, List<SheetItem>> categories = new LinkedHashMap<>();
		pcec.sheet()
			.items()
			.forEach((item) -> categories.computeIfAbsent(item.category(), (c) -> new ArrayList<>()).add(item));
		List<JsonNode> groups = new ArrayList<>();
		form.path("components").forEach((component) -> {
			if (component.path("id").asText().matches("Group_[A-C]")) {
				groups.add(component);
			}
		});
		assertThat(groups).hasSize(categories.size());
		int g = 0;
		for (Map.Entry<String, List<SheetItem>> category : categories.entrySet()) {
			JsonNode group = groups.get(g++);
			int points = category.getValue().stream().mapToInt(SheetItem::points).sum();
			assertThat(group.path("label").asText()).isEqualTo(category.getKey() + "（" + points + "分）");
			List<String> keys = new ArrayList<>();
			group.path("components").forEach((c) -> {
				if (c.has("key")) {
					keys.add(c.path("key").asText());
				}
			});
			assertThat(keys).containsExactlyElementsOf(
					category.getValue().stream().map((item) -> item.variableName(pcec.scoring())).toList());
			JsonNode subtotal = group.path("components").get(group.path("components").size() - 1);
			assertThat(subtotal.path("type").asText()).isEqualTo("text");
			assertThat(subtotal.path("text").asText()).startsWith("=").contains("本类小计");
			for (SheetItem item : category.getValue()) {
				assertThat(subtotal.path("text").asText()).contains("{id: \"" + item.id() + "\", v: "
						+ item.variableName(pcec.scoring()) + ", p: " + item.points() + "}");
			}
		}
		assertLivePreviewLast(form);
	}

	@Test
	void shouldEndTheCqmFormWithTheLivePreview() throws IOException {
		assertLivePreviewLast(read("forms/audit-scoring-cqm.form"));
	}

	/**
	 * A text component, evaluated by form-js as FEEL ("=…"), submits nothing (no key) and
	 * comes last.
	 */
	private static void assertLivePreviewLast(JsonNode form) {
		JsonNode components = form.path("components");
		JsonNode last = components.get(components.size() - 1);
		assertThat(last.path("id").asText()).isEqualTo("Group_Preview");
		assertThat(last.path("components")).hasSize(1);
		JsonNode preview = last.path("components").get(0);
		assertThat(preview.path("type").asText()).isEqualTo("text");
		assertThat(preview.has("key")).isFalse();
		assertThat(preview.path("text").asText()).startsWith("=").contains("预评等级").contains("不作为评定结果");
	}

	private static JsonNode read(String file) throws IOException {
		return new ObjectMapper().readTree(new File(file));
	}

	private static Map<String, JsonNode> fields(JsonNode node, String prefix) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		collect(node.path("components"), prefix, fields);
		return fields;
	}

	private static void collect(JsonNode components, String prefix, Map<String, JsonNode> fields) {
		for (JsonNode component : components) {
			String key = component.path("key").asText("");
			if ("dynamiclist".equals(component.path("type").asText())) {
				continue; // rows of a list: their own keys, see the special-items test
			}
			if (!key.isEmpty() && key.startsWith(prefix)) {
				assertThat(fields.put(key, component)).as("duplicate key " + key).isNull();
			}
			collect(component.path("components"), prefix, fields);
		}
	}

}
