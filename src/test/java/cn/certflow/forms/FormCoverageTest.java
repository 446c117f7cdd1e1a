package cn.certflow.forms;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.certflow.appeal.AppealComplaint;
import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateSuspension;
import cn.certflow.document.DocumentType;
import cn.certflow.surveillance.CertificateAudit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every form the process models reference exists, is valid for the form-js the Camunda
 * 7.24 Tasklist bundles (schemaVersion 16), and submits exactly the variables the task
 * listeners read. Plain Jackson and DOM, no engine.
 */
class FormCoverageTest {

	private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	/**
	 * {@code ${scoringForm}} is set per scheme (SchemeCatalog): it stands for both
	 * scoring forms.
	 */
	private static final Map<String, List<String>> EXPRESSION_FORMS = Map.of("${scoringForm}",
			List.of("audit-scoring-pcec", "audit-scoring-cqm"));

	/**
	 * The components the form-js of the 7.24 Tasklist renders and that these forms may
	 * use.
	 */
	private static final Set<String> SUPPORTED_TYPES = Set.of("textfield", "textarea", "number", "select", "radio",
			"checkbox", "checklist", "datetime", "text", "group", "separator");

	private static final Map<String, Set<String>> SUBMITTED = new LinkedHashMap<>();

	private static final Map<String, Set<String>> REQUIRED = new LinkedHashMap<>();

	static {
		expect("application-start",
				keys("clientName", "clientAddress", "creditCode", "legalStatus", "contactEmail", "schemeId",
						"requestedStars", "technicalArea", "categories", "sites", "headcount", "declaredDocuments"),
				keys("clientName", "clientAddress", "creditCode", "legalStatus", "schemeId", "requestedStars",
						"technicalArea", "categories", "sites", "headcount", "declaredDocuments"));
		// R-ID-1: confirmClientChange is shown (and required) only where the client
		// differs from the record
		// R-CRED-1: the three credit lookups, what was looked up and when
		expect("application-review",
				keys("creditLookedUp", "creditCheckedOn", "creditPenalty", "creditAbnormalList", "creditSeriousList",
						"reviewOutcome", "rejectionReason", "reviewNotes", "confirmClientChange"),
				keys("creditLookedUp", "creditCheckedOn", "creditPenalty", "creditAbnormalList", "creditSeriousList",
						"reviewOutcome", "rejectionReason", "confirmClientChange"));
		expect("overdue-review", keys("escalationAction"), keys("escalationAction"));
		expect("contract", keys("contractNumber", "contractSignedOn"), keys("contractNumber", "contractSignedOn"));
		expect("document-review", keys("documentReviewOutcome", "documentFindings"),
				keys("documentReviewOutcome", "documentFindings"));
		expect("document-corrections", keys("correctionsNote"), keys("correctionsNote"));
		// PCEC 8.1 (issue 20.3): the team before the document review, the date after it
		expect("audit-team", keys("leadAuditor", "auditTeam"), keys("leadAuditor"));
		expect("audit-plan", keys("leadAuditor", "auditTeam", "plannedDate"), keys("leadAuditor", "plannedDate"));
		expect("opening-meeting", keys("planConfirmed", "attendance"), keys("planConfirmed", "attendance"));
		// one form for both evaluations of the on-site audit (the task name says which);
		// for CQM the characteristic evaluation records the surveys and the management
		// audit its result (issue 20.10, CQM 5.3/5.4), each shown on its own task only
		expect("audit-findings",
				keys("findings", "observations", "surveyScore", "faceSurveyScore", "managementAuditPassed",
						"seriousNonconformities", "proposeTermination", "terminationClause", "terminationReason"),
				keys("findings", "surveyScore", "faceSurveyScore", "seriousNonconformities", "terminationClause",
						"terminationReason"));
		expect("termination-approval", keys("terminationApproved", "terminationReviewNotes"), keys());
		// PCEC 8.2.4: the client confirms the records on the scoring form, before scoring
		expect("closing-meeting", keys("nonconformities"), keys());
		// issue 18.3: the lead auditor or a reviewer records what they did when the
		// client let the deadline pass
		// the client's task, done in the portal: staff only read it in Tasklist
		expect("client-corrective-actions", keys(), keys());
		expect("overdue-corrective-actions", keys("overdueCorrectiveActionsNotes"),
				keys("overdueCorrectiveActionsNotes"));
		// R-AUD-3: a reviewer records what they did when the lead auditor's verification
		// passed the correction deadline
		expect("overdue-correction-verification", keys("overdueVerificationNotes"), keys("overdueVerificationNotes"));
		// PCEC 8.1 (issue 18.3): the same when the corrected documents are overdue
		expect("overdue-document-corrections", keys("overdueDocumentCorrectionsNotes"),
				keys("overdueDocumentCorrectionsNotes"));
		expect("correction-verification",
				keys("verificationOutcome", "clientSignedResult", "clientSignatory", "verificationNotes"),
				keys("verificationOutcome", "clientSignedResult", "clientSignatory"));
		expect("certification-decision",
				keys("decisionOutcome", "decisionReasons", "externalInformation", "notRecommendedOverride"),
				keys("decisionOutcome"));
		// after the certificate (issue 5): certificate-lifecycle, certificate-audit,
		// certificate-suspension, appeal-complaint
		expect("overdue-surveillance", keys(CertificateLifecycle.OVERDUE_NOTES.getName()),
				keys(CertificateLifecycle.OVERDUE_NOTES.getName()));
		// PCEC 10.2, 12.1, 12.2: managers record what they did about a special, change,
		// extension or upgrade audit not planned by its due date
		expect("overdue-certificate-audit-plan", keys(CertificateAudit.OVERDUE_PLANNING_NOTES.getName()),
				keys(CertificateAudit.OVERDUE_PLANNING_NOTES.getName()));
		expect("recertification-application", keys(CertificateLifecycle.RECERTIFICATION_DECISION.getName(),
				CertificateLifecycle.LATE_APPLICATION_REASON.getName(), CertificateLifecycle.CHANGES_DECLARED.getName(),
				CertificateLifecycle.CHANGES_DESCRIPTION.getName()),
				keys(CertificateLifecycle.RECERTIFICATION_DECISION.getName()));
		expect("recertification-document-review",
				keys(CertificateLifecycle.RECERTIFICATION_DOCUMENTS_OUTCOME.getName(),
						CertificateLifecycle.RECERTIFICATION_DOCUMENT_FINDINGS.getName()),
				keys(CertificateLifecycle.RECERTIFICATION_DOCUMENTS_OUTCOME.getName()));
		expect("change-request-review", keys(CertificateLifecycle.CHANGE_REVIEW_OUTCOME.getName(),
				CertificateLifecycle.CHANGE_REVIEW_NOTES.getName(), CertificateLifecycle.ONSITE_AUDIT_NEEDED.getName()),
				keys(CertificateLifecycle.CHANGE_REVIEW_OUTCOME.getName()));
		expect("certificate-audit-plan",
				keys(CertificateAudit.PLAN_DECISION.getName(), CertificateAudit.POSTPONE_REASON.getName(),
						CertificateAudit.POSTPONED_TO.getName(), "leadAuditor", "auditTeam", "plannedDate",
						CertificateAudit.SAMPLED_SITE.getName(), CertificateAudit.AUDIT_CONTENT.getName()),
				keys(CertificateAudit.PLAN_DECISION.getName()));
		expect("certificate-audit-decision",
				keys(CertificateAudit.DECISION.getName(), CertificateAudit.DECISION_REASONS.getName(),
						CertificateAudit.SANCTION_FACTS.getName(), CertificateAudit.REDUCE_SURVEILLANCE.getName(),
						CertificateAudit.SURVEILLANCE_REDUCTION_REASON.getName()),
				keys(CertificateAudit.DECISION.getName()));
		expect("suspension-lifting",
				keys(CertificateSuspension.CAUSE_CLEARED.getName(), CertificateSuspension.VERIFICATION_NOTES.getName()),
				keys(CertificateSuspension.CAUSE_CLEARED.getName(),
						CertificateSuspension.VERIFICATION_NOTES.getName()));
		expect("case-acknowledgement", keys(AppealComplaint.ACKNOWLEDGEMENT_TEXT.getName()),
				keys(AppealComplaint.ACKNOWLEDGEMENT_TEXT.getName()));
		expect("case-decision",
				keys(AppealComplaint.OUTCOME.getName(), AppealComplaint.OUTCOME_REASONS.getName(),
						AppealComplaint.CLIENT_AT_FAULT.getName()),
				keys(AppealComplaint.OUTCOME.getName(), AppealComplaint.OUTCOME_REASONS.getName()));
		// R-GRD-DMN: decision-table-change (comment required on decline, server-side)
		// issue 23: approving a version with an impact report needs "我已查看影响报告" (hidden
		// when there is none)
		expect("decision-table-change-approval", keys("changeApproved", "approvalComment", "impactReviewed"),
				keys("impactReviewed"));
		expect("decision-table-change-failed", keys("reviewNote"), keys());
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private static Map<String, JsonNode> forms;

	private static Map<String, File> formFiles;

	@BeforeAll
	static void readForms() throws IOException {
		forms = new TreeMap<>();
		formFiles = new TreeMap<>();
		File[] files = new File("forms").listFiles((dir, name) -> name.endsWith(".form"));
		assertThat(files).isNotEmpty();
		for (File file : files) {
			JsonNode form = JSON.readTree(file);
			String id = form.path("id").asText();
			assertThat(forms).as("form id %s of %s is unique", id, file).doesNotContainKey(id);
			forms.put(id, form);
			formFiles.put(id, file);
		}
	}

	@Test
	void everyFormReferenceOfTheProcessesHasAForm() throws Exception {
		Set<String> references = new LinkedHashSet<>();
		File[] models = new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"));
		assertThat(models).isNotEmpty();
		for (File model : models) {
			Document document = parse(model);
			NodeList all = document.getElementsByTagNameNS("*", "*");
			for (int i = 0; i < all.getLength(); i++) {
				Element element = (Element) all.item(i);
				String ref = element.getAttributeNS(CAMUNDA_NS, "formRef");
				if (!ref.isEmpty()) {
					assertThat(element.getAttributeNS(CAMUNDA_NS, "formRefBinding")).as(ref).isEqualTo("deployment");
					references.addAll(EXPRESSION_FORMS.getOrDefault(ref, List.of(ref)));
				}
			}
			NodeList userTasks = document.getElementsByTagNameNS(BPMN_NS, "userTask");
			for (int i = 0; i < userTasks.getLength(); i++) {
				Element task = (Element) userTasks.item(i);
				assertThat(task.getAttributeNS(CAMUNDA_NS, "formRef"))
					.as("form of user task %s in %s", task.getAttribute("id"), model.getName())
					.isNotEmpty();
			}
		}
		assertThat(references).containsAll(SUBMITTED.keySet());
		assertThat(forms.keySet()).containsAll(references);
	}

	@Test
	void everyFormIsAValidCamunda7Form() {
		for (Map.Entry<String, JsonNode> entry : forms.entrySet()) {
			String id = entry.getKey();
			JsonNode form = entry.getValue();
			assertThat(formFiles.get(id).getName()).isEqualTo(id + ".form");
			assertThat(form.path("type").asText()).as(id).isEqualTo("default");
			assertThat(form.path("executionPlatform").asText()).as(id).isEqualTo("Camunda Platform");
			assertThat(form.path("executionPlatformVersion").asText()).as(id).isEqualTo("7.24.0");
			assertThat(form.path("schemaVersion").asInt()).as(id).isEqualTo(16);
			Set<String> componentIds = new HashSet<>();
			Set<String> keys = new HashSet<>();
			forEachComponent(form, (component) -> {
				String where = id + "/" + component.path("id").asText();
				assertThat(componentIds.add(component.path("id").asText())).as("unique component id " + where).isTrue();
				if (component.hasNonNull("key")) {
					// rows of a dynamic list have their own keys under the list's path
					assertThat(keys.add(listPath(form, component) + component.path("key").asText()))
						.as("unique key " + where)
						.isTrue();
					assertThat(component.path("label").asText()).as("label of " + where).isNotBlank();
				}
				if (component.has("conditional")) {
					assertThat(component.path("conditional").path("hide").asText()).as(where).startsWith("=");
				}
			});
		}
	}

	/** "path." of the dynamic list holding the component, or "". */
	private static String listPath(JsonNode container, JsonNode component) {
		for (JsonNode child : container.path("components")) {
			if (child == component) {
				return "";
			}
			String inner = listPath(child, component);
			if (inner != null) {
				return "dynamiclist".equals(child.path("type").asText()) ? child.path("path").asText() + "." + inner
						: inner;
			}
		}
		return null;
	}

	@Test
	void newFormsUseOnlySupportedComponentsWithChineseLabelsAndReadOnlyContext() {
		for (String id : SUBMITTED.keySet()) {
			forEachComponent(forms.get(id), (component) -> {
				String where = id + "/" + component.path("id").asText();
				assertThat(SUPPORTED_TYPES).as(where).contains(component.path("type").asText());
				if (component.hasNonNull("key")) {
					assertThat(component.path("label").asText()).as("Chinese label of " + where)
						.containsPattern("\\p{IsHan}");
				}
				if (component.path("readonly").asBoolean()) {
					// Tasklist resubmits readonly fields; disabled ones are left out, so
					// context keeps its type.
					assertThat(component.path("disabled").asBoolean()).as("context field " + where + " is disabled")
						.isTrue();
				}
				component.path("values").forEach((option) -> {
					assertThat(option.path("value").asText()).as(where).isNotBlank();
					assertThat(option.path("label").asText()).as(where).isNotBlank();
				});
			});
			assertThat(hasContext(forms.get(id)) || id.equals("application-start")).as("%s shows context", id).isTrue();
		}
	}

	@Test
	void everyFormSubmitsExactlyTheVariablesTheListenersRead() {
		for (Map.Entry<String, Set<String>> entry : SUBMITTED.entrySet()) {
			String id = entry.getKey();
			Map<String, JsonNode> submitted = submittedFields(forms.get(id));
			assertThat(submitted.keySet()).as("submitted keys of %s", id)
				.containsExactlyInAnyOrderElementsOf(entry.getValue());
			Set<String> required = new HashSet<>();
			submitted.forEach((key, field) -> {
				if (field.path("validate").path("required").asBoolean()) {
					required.add(key);
				}
			});
			assertThat(required).as("required keys of %s", id).containsExactlyInAnyOrderElementsOf(REQUIRED.get(id));
		}
	}

	@Test
	void choicesSubmitTheValuesTheListenersExpect() {
		assertValues("application-start", "schemeId", "PCEC", "ZHHT", "CQM");
		assertValues("application-review", "reviewOutcome", "ACCEPT", "REJECT");
		assertValues("document-review", "documentReviewOutcome", "PASSED", "CORRECTIONS_NEEDED");
		assertValues("correction-verification", "verificationOutcome", "CLOSED", "REPEAT_AUDIT", "NOT_RECOMMENDED");
		assertValues("certification-decision", "decisionOutcome", "CERTIFY", "REFUSE");
		String id = "audit-findings";
		assertValues(id, "terminationClause", "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)");
		assertValues(id, "observations",
				java.util.Arrays.stream(cn.certflow.rules.ObservationKind.values())
					.map(Enum::name)
					.toArray(String[]::new));
		assertThat(field(id, "proposeTermination").path("type").asText()).isEqualTo("checkbox");
		assertThat(hide(id, "terminationClause")).contains("proposeTermination");
		assertThat(hide(id, "terminationReason")).contains("proposeTermination");
		assertThat(hide("application-review", "rejectionReason")).contains("reviewOutcome").contains("\"REJECT\"");
		assertThat(hide("application-review", "confirmClientChange")).contains("clientRecordDiffers")
			.contains("\"REJECT\"");
		assertThat(hide("document-review", "documentFindings")).contains("documentReviewOutcome")
			.contains("\"CORRECTIONS_NEEDED\"");
		for (String signature : List.of("clientSignedResult", "clientSignatory")) {
			assertThat(hide("correction-verification", signature)).contains("verificationOutcome")
				.contains("\"NOT_RECOMMENDED\"")
				.contains("\"REPEAT_AUDIT\"");
		}
		// Booleans: only a checkbox submits a Boolean in form-js.
		for (String[] bool : new String[][] { { "opening-meeting", "planConfirmed" },
				{ "termination-approval", "terminationApproved" }, { "audit-scoring-pcec", "clientConfirmedRecords" },
				{ "audit-scoring-cqm", "clientConfirmedRecords" }, { "correction-verification", "clientSignedResult" },
				{ "decision-table-change-approval", "changeApproved" }, { "application-review", "confirmClientChange" },
				{ "decision-table-change-approval", "impactReviewed" } }) {
			assertThat(field(bool[0], bool[1]).path("type").asText()).as(bool[1]).isEqualTo("checkbox");
		}
		for (String[] date : new String[][] { { "contract", "contractSignedOn" }, { "audit-plan", "plannedDate" } }) {
			JsonNode field = field(date[0], date[1]);
			assertThat(field.path("type").asText()).isEqualTo("datetime");
			assertThat(field.path("subtype").asText()).isEqualTo("date");
		}
	}

	@Test
	void startFormChecksTheApplicationValues() {
		JsonNode creditCode = field("application-start", "creditCode");
		Pattern pattern = Pattern.compile(creditCode.path("validate").path("pattern").asText());
		assertThat(pattern.matcher("91350100M000100Y43").matches()).isTrue();
		assertThat(pattern.matcher("91350100M000100I43").matches()).isFalse();
		assertThat(pattern.matcher("91350100M000100Y4").matches()).isFalse();
		assertThat(creditCode.path("validate").path("minLength").asInt()).isEqualTo(18);
		assertThat(creditCode.path("validate").path("maxLength").asInt()).isEqualTo(18);
		assertThat(field("application-start", "clientName").path("validate").path("maxLength").asInt()).isEqualTo(200);
		JsonNode email = field("application-start", "contactEmail");
		assertThat(email.path("validate").path("validationType").asText()).as("Tasklist checks the e-mail format")
			.isEqualTo("email");
		assertThat(email.path("validate").path("maxLength").asInt()).isEqualTo(254);
		assertThat(field("application-start", "clientAddress").path("validate").path("maxLength").asInt())
			.isEqualTo(500);
		Pattern area = Pattern
			.compile(field("application-start", "technicalArea").path("validate").path("pattern").asText());
		assertThat(area.matcher("01.07").matches()).isTrue();
		assertThat(area.matcher("1.7").matches()).isFalse();
		JsonNode stars = field("application-start", "requestedStars");
		assertThat(stars.path("type").asText()).as("a select would submit a String").isEqualTo("number");
		assertThat(stars.path("validate").path("min").asInt()).isEqualTo(1);
		assertThat(stars.path("validate").path("max").asInt()).isEqualTo(5);
		JsonNode headcount = field("application-start", "headcount");
		assertThat(headcount.path("type").asText()).isEqualTo("number");
		assertThat(headcount.path("validate").path("min").asInt()).isEqualTo(1);
		assertThat(field("application-start", "sites").path("type").asText()).isEqualTo("textarea");
		JsonNode documents = field("application-start", "declaredDocuments");
		assertThat(documents.path("type").asText()).isEqualTo("checklist");
		Map<String, String> options = new LinkedHashMap<>();
		documents.path("values").forEach((o) -> options.put(o.path("value").asText(), o.path("label").asText()));
		Map<String, String> expected = new LinkedHashMap<>();
		Arrays.stream(DocumentType.values())
			.filter(DocumentType::fromApplicant)
			.forEach((t) -> expected.put(t.name(), t.title()));
		assertThat(options).containsExactlyEntriesOf(expected);
		assertThat(texts("application-start")).contains("员工页面", "打开和上传文件").doesNotContain("/api/");
		assertThat(texts("application-review")).contains("{{applicationDocuments}}",
				"/staff/documents/application/{{applicationNumber}}");
		assertThat(texts("certification-decision")).contains("审查组成员不得作出认证决定");
		assertThat(texts("audit-plan")).contains("R-DEC-1");
	}

	@Test
	void tasksShowTheirContextReadOnly() {
		assertContext("application-review", "applicationNumber", "clientName", "creditCode", "legalStatus", "schemeId",
				"requestedStars", "technicalArea", "categories", "sites", "headcount", "declaredDocuments",
				"reviewDueDate", "recordedClientName", "recordedClientAddress", "recordedLegalStatus",
				"clientChangeCertificates");
		assertThat(field("application-review", "clientChangeCertificates").path("type").asText()).isEqualTo("textarea");
		assertContext("overdue-review", "applicationNumber", "clientName", "reviewDueDate");
		assertContext("document-corrections", "applicationNumber", "documentFindings");
		assertContext("audit-plan", "applicationNumber", "personDays");
		assertContext("termination-approval", "terminationClause", "terminationReason");
		assertContext("closing-meeting", "score", "grade");
		assertContext("correction-verification", "nonconformities", "correctionDueDate");
		assertContext("certification-decision", "score", "grade", "stars", "gradeExplanation", "auditOutcome",
				"leadAuditor", "auditTeamMembers");
		assertThat(field("certification-decision", "gradeExplanation").path("type").asText()).isEqualTo("textarea");
		// R-GRD-DMN: the approver sees what changed and the cases; the failed-case task
		// lists expected vs actual
		for (String form : List.of("decision-table-change-approval", "decision-table-change-failed")) {
			assertContext(form, "decisionKey", "decisionVersion", "inForceVersion", "proposedBy", "caseSummary",
					"casesSource", "caseReport", "changes");
			assertThat(field(form, "caseReport").path("type").asText()).isEqualTo("textarea");
		}
		assertThat(texts("decision-table-change-approval")).contains("四眼原则");
		// issue 23: the impact summary and list, the link to the full list, and that
		// approving regrades nothing
		assertContext("decision-table-change-approval", "impactSummary", "impactList", "impactUrl");
		assertThat(texts("decision-table-change-approval")).contains("批准不会重新评定已发证书", "{{impactUrl}}");
	}

	@Test
	void showsTheClientOnRecordAndAsksForConfirmationOnlyWhereTheClientDiffers() {
		// R-ID-1: form-js hides (and does not validate) a hidden field; the engine's FEEL
		// reads these expressions alike
		org.camunda.feel.api.FeelEngineApi feel = org.camunda.feel.api.FeelEngineBuilder.forJava().build();
		String group = hideOfComponent("application-review", "Group_ClientOnRecord");
		String confirm = hide("application-review", "confirmClientChange");
		java.util.function.BiFunction<String, Map<String, Object>, Object> hidden = (expression,
				context) -> feel.evaluateExpression(expression.substring(1), context).result();
		Map<String, Object> differs = new java.util.HashMap<>(Map.of("clientRecordDiffers", true));
		assertThat(hidden.apply(group, differs)).isEqualTo(false);
		assertThat(hidden.apply(confirm, differs)).as("before an outcome is chosen").isEqualTo(false);
		differs.put("reviewOutcome", "ACCEPT");
		assertThat(hidden.apply(confirm, differs)).isEqualTo(false);
		differs.put("reviewOutcome", "REJECT");
		assertThat(hidden.apply(confirm, differs)).as("a rejection needs no confirmation").isEqualTo(true);
		Map<String, Object> same = Map.of("clientRecordDiffers", false, "reviewOutcome", "ACCEPT");
		assertThat(hidden.apply(group, same)).isEqualTo(true);
		assertThat(hidden.apply(confirm, same)).isEqualTo(true);
	}

	// --- helpers

	private static String hideOfComponent(String form, String id) {
		List<JsonNode> found = new ArrayList<>();
		forEachComponent(forms.get(form), (c) -> {
			if (id.equals(c.path("id").asText())) {
				found.add(c);
			}
		});
		assertThat(found).as("%s in %s", id, form).hasSize(1);
		return found.get(0).path("conditional").path("hide").asText();
	}

	private static void expect(String form, Set<String> submitted, Set<String> required) {
		SUBMITTED.put(form, submitted);
		REQUIRED.put(form, required);
	}

	private static Set<String> keys(String... keys) {
		return new LinkedHashSet<>(List.of(keys));
	}

	private static Document parse(File file) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(file);
	}

	private static void forEachComponent(JsonNode container, Consumer<JsonNode> action) {
		container.path("components").forEach((component) -> {
			action.accept(component);
			forEachComponent(component, action);
		});
	}

	private static boolean isContext(JsonNode component) {
		return component.path("readonly").asBoolean() || component.path("disabled").asBoolean();
	}

	private static boolean hasContext(JsonNode form) {
		List<JsonNode> context = new ArrayList<>();
		forEachComponent(form, (c) -> {
			if (c.hasNonNull("key") && isContext(c)) {
				context.add(c);
			}
		});
		return !context.isEmpty();
	}

	private static Map<String, JsonNode> submittedFields(JsonNode form) {
		Map<String, JsonNode> fields = new LinkedHashMap<>();
		forEachComponent(form, (c) -> {
			if (c.hasNonNull("key") && !isContext(c)) {
				fields.put(c.path("key").asText(), c);
			}
		});
		return fields;
	}

	private static JsonNode field(String form, String key) {
		List<JsonNode> found = new ArrayList<>();
		forEachComponent(forms.get(form), (c) -> {
			if (key.equals(c.path("key").asText())) {
				found.add(c);
			}
		});
		assertThat(found).as("%s in %s", key, form).hasSize(1);
		return found.get(0);
	}

	private static String hide(String form, String key) {
		return field(form, key).path("conditional").path("hide").asText();
	}

	private static String texts(String form) {
		StringBuilder text = new StringBuilder();
		forEachComponent(forms.get(form), (c) -> {
			if ("text".equals(c.path("type").asText())) {
				text.append(c.path("text").asText()).append('\n');
			}
		});
		return text.toString();
	}

	private static void assertValues(String form, String key, String... values) {
		List<String> actual = new ArrayList<>();
		field(form, key).path("values").forEach((o) -> actual.add(o.path("value").asText()));
		assertThat(actual).as("%s in %s", key, form).containsExactly(values);
	}

	private static void assertContext(String form, String... keys) {
		for (String key : keys) {
			JsonNode field = field(form, key);
			assertThat(field.path("readonly").asBoolean()).as("%s in %s is read-only", key, form).isTrue();
		}
	}

}
