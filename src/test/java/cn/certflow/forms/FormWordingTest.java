package cn.certflow.forms;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import cn.certflow.audit.OnsiteAudit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the Tasklist forms say to a person (issue 19.5): codes shown as words, no file
 * names of rules or forms in the text.
 */
class FormWordingTest {

	private static final Pattern FILE_NAME = Pattern
		.compile("[\\w\\u4e00-\\u9fff-]+\\.(dmn|drl|bpmn|form|csv|cases\\.json)\\b");

	/**
	 * An address or an API call written out as text, not the target of a link: a person
	 * cannot click it (a link's target {@code ](/staff/...)} is not text a person reads).
	 */
	private static final Pattern ADDRESS = Pattern
		.compile("(?<!\\]\\()/(staff|portal|api|engine-rest|camunda)/[\\w/{}.-]*|\\b(GET|POST|PUT|DELETE) /");

	@Test
	void shouldShowTheAuditTeamsOutcomeAsWordsInBothDecisionForms() throws IOException {
		for (String form : List.of("certification-decision", "certificate-audit-decision")) {
			List<JsonNode> outcome = new ArrayList<>();
			forEachComponent(read(form), (c) -> {
				if ("auditOutcome".equals(c.path("key").asText())) {
					outcome.add(c);
				}
			});
			assertThat(outcome).as(form).hasSize(1);
			assertThat(outcome.get(0).path("type").asText()).as("%s: a select shows the value's label", form)
				.isEqualTo("select");
			List<String> values = new ArrayList<>();
			outcome.get(0).path("values").forEach((v) -> {
				values.add(v.path("value").asText());
				assertThat(v.path("label").asText()).as("%s: the word for %s", form, v.path("value").asText())
					.matches(".*[\\u4e00-\\u9fff].*");
			});
			assertThat(values).as("%s: every outcome the audit can end with", form)
				.containsExactlyInAnyOrderElementsOf(
						Arrays.stream(OnsiteAudit.Outcome.values()).map(Enum::name).toList());
			assertThat(outcome.get(0).path("description").asText()).doesNotContain("RECOMMENDED");
		}
	}

	@Test
	void shouldWriteNoAddressOrApiCallAsTextInAnyForm_issue19_5() throws IOException {
		assertThat(textsMatching(ADDRESS)).isEmpty();
	}

	@Test
	void shouldNameNoRuleOrFormFileInAnyFormsText() throws IOException {
		assertThat(textsMatching(FILE_NAME)).isEmpty();
	}

	/**
	 * "form: match" for each match of {@code pattern} in what any form shows a person.
	 */
	private static List<String> textsMatching(Pattern pattern) throws IOException {
		File[] files = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
		assertThat(files).isNotEmpty();
		List<String> found = new ArrayList<>();
		for (File file : files) {
			forEachComponent(new ObjectMapper().readTree(file), (c) -> {
				for (String property : List.of("text", "label", "description")) {
					var matcher = pattern.matcher(c.path(property).asText());
					while (matcher.find()) {
						found.add(file.getName() + ": " + matcher.group());
					}
				}
			});
		}
		return found;
	}

	/**
	 * Issue 18 "Staff side", issue 19.2: every form that reviews what the client sent
	 * lists those documents (a variable DocumentLinks keeps: one link per file, opening
	 * on the staff page with the Tasklist login) and links the staff page; none links
	 * JSON.
	 */
	@Test
	void shouldListTheClientsDocumentsAsStaffPageLinksInEveryReviewForm() throws IOException {
		java.util.Map<String, String> lists = java.util.Map.of("application-review", "{{applicationDocuments}}",
				"document-review", "{{applicationDocuments}}", "correction-verification",
				"{{correctiveActionDocuments}}", "change-request-review", "{{requestDocuments}}",
				"recertification-document-review", "{{certificateDocuments}}");
		lists.forEach((form, variable) -> {
			List<String> texts = new ArrayList<>();
			try {
				forEachComponent(read(form), (c) -> texts.add(c.path("text").asText()));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			String all = String.join("\n", texts);
			assertThat(all).as(form).contains(variable, "](/staff/", "新标签页").doesNotContain("/api/");
		});
		assertThat(String.join("\n", textsOf("certification-decision")))
			.contains("](/staff/cases/{{applicationNumber}})");
	}

	private static List<String> textsOf(String form) throws IOException {
		List<String> texts = new ArrayList<>();
		forEachComponent(read(form), (c) -> texts.add(c.path("text").asText()));
		return texts;
	}

	private static JsonNode read(String form) throws IOException {
		return new ObjectMapper().readTree(new File("forms/" + form + ".form"));
	}

	private static void forEachComponent(JsonNode node, Consumer<JsonNode> action) {
		node.path("components").forEach((c) -> {
			action.accept(c);
			forEachComponent(c, action);
		});
	}

}
