package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: what FormFieldsOnly accepts — the fields a form lets its user fill in — and
 * what it reads from each engine command that sets variables for its caller. Plain JSON
 * and command objects, no engine.
 */
class FormFieldsTest {

	@Test
	void shouldAcceptTheDecisionFormsInputsButNotItsContext() throws IOException {
		// the decision form shows application, grade and team read-only: a decider may
		// not rewrite them
		assertThat(fieldsOf("certification-decision")).containsExactly("decisionOutcome", "decisionReasons",
				"externalInformation", "notRecommendedOverride");
		assertThat(fieldsOf("case-decision")).as("involvedPersons is shown, not submitted")
			.containsExactly("caseOutcome", "caseOutcomeReasons", "clientAtFault");
	}

	@Test
	void shouldAcceptTheScoringSheetButNotTheSchemeItIsScoredOn() throws IOException {
		Set<String> pcec = fieldsOf("audit-scoring-pcec");
		assertThat(pcec).contains("item_A1_1", "item_C2_3", "deductions", "strengths")
			.doesNotContain("applicationNumber", "clientName", "schemeId");
		// issue 20 point 10 (CQM 5.3, 5.4): the surveys and the management audit's result
		// come from the evaluation tasks; the scoring form shows them and cannot change
		// them
		assertThat(fieldsOf("audit-scoring-cqm")).contains("indicator_4_1_1", "operatingMonths")
			.doesNotContain("schemeId", "managementAuditPassed", "seriousNonconformities", "surveyScore",
					"faceSurveyScore");
		assertThat(fieldsOf("audit-findings")).contains("findings", "managementAuditPassed", "seriousNonconformities",
				"surveyScore", "faceSurveyScore");
	}

	@Test
	void shouldAcceptTheStartFormsFields() throws IOException {
		assertThat(fieldsOf("application-start")).containsExactlyInAnyOrder("clientName", "clientAddress", "creditCode",
				"legalStatus", "contactEmail", "schemeId", "requestedStars", "technicalArea", "categories", "sites",
				"headcount", "declaredDocuments");
	}

	@Test
	void shouldNameNestedGroupsAndListsByTheirPath() throws IOException {
		String form = """
				{"components": [
				  {"type": "textfield", "key": "name"},
				  {"type": "textfield", "key": "shown", "readonly": true},
				  {"type": "textfield", "key": "greyed", "disabled": true},
				  {"type": "textfield", "key": "sometimes", "readonly": "=locked"},
				  {"type": "group", "components": [{"type": "number", "key": "inGroup"}]},
				  {"type": "group", "path": "address", "components": [{"type": "textfield", "key": "city"}]},
				  {"type": "dynamiclist", "path": "sites", "components": [{"type": "textfield", "key": "street"}]},
				  {"type": "textfield", "key": "contact.email"},
				  {"type": "text", "text": "no key"},
				  {"type": "button", "key": "submit", "action": "submit"}
				]}""";
		assertThat(FormFields.of(stream(form))).containsExactly("address", "contact", "inGroup", "name", "sites",
				"sometimes");
		assertThat(FormFields.of(stream("[]"))).as("not a form").isEmpty();
	}

	@Test
	void shouldReadTheVariablesOfEveryCommandThatSetsThemForAUser() {
		Map<String, Object> variables = Map.of("decisionOutcome", "CERTIFY", "auditId", 1L);
		Set<String> names = Set.of("auditId", "decisionOutcome");
		assertThat(SubmittedVariables.toTask(new CompleteTaskCmd("t1", variables))).hasValue(completion("t1", names));
		assertThat(SubmittedVariables.toTask(new ResolveTaskCmd("t1", variables))).hasValue(completion("t1", names));
		assertThat(SubmittedVariables.toTask(new SubmitTaskFormCmd("t1", variables, false, false)))
			.hasValue(completion("t1", names));
		assertThat(SubmittedVariables.toTask(new SetTaskVariablesCmd("t1", variables, true)))
			.hasValue(other("t1", names));
		assertThat(SubmittedVariables.toTask(new RemoveTaskVariablesCmd("t1", List.of("auditId"), false)))
			.hasValue(other("t1", Set.of("auditId")));
		assertThat(SubmittedVariables
			.toTask(new PatchTaskVariablesCmd("t1", Map.of("decisionOutcome", "REFUSE"), List.of("auditId"), false)))
			.hasValue(other("t1", names));
		assertThat(SubmittedVariables.toTask(new HandleTaskBpmnErrorCmd("t1", "E", "m", variables)))
			.hasValue(other("t1", names));
		assertThat(SubmittedVariables.toTask(new HandleTaskEscalationCmd("t1", "E", variables)))
			.hasValue(other("t1", names));
		assertThat(SubmittedVariables.toTask(new CompleteTaskCmd("t1", null))).hasValue(completion("t1", Set.of()));
		assertThat(SubmittedVariables.toTask(new SetExecutionVariablesCmd("e1", variables, false)))
			.as("process instance variables: UPDATE on the instance, which no staff group has")
			.isEmpty();

		assertThat(SubmittedVariables.toStart(new SubmitStartFormCmd("pd1", null, variables)))
			.hasValue(new SubmittedVariables.ToStart("pd1", null, names, true, false));
		ProcessInstantiationBuilderImpl byKey = (ProcessInstantiationBuilderImpl) ProcessInstantiationBuilderImpl
			.createProcessInstanceByKey(null, "initial-certification")
			.setVariables(variables);
		assertThat(SubmittedVariables.toStart(new StartProcessInstanceCmd(byKey)))
			.hasValue(new SubmittedVariables.ToStart(null, "initial-certification", names, false, false));
		assertThat(SubmittedVariables.toStart(new StartProcessInstanceAtActivitiesCmd(byKey)))
			.hasValue(new SubmittedVariables.ToStart(null, "initial-certification", names, false, true));
	}

	private static SubmittedVariables.ToTask completion(String id, Set<String> names) {
		return new SubmittedVariables.ToTask(id, names, true);
	}

	private static SubmittedVariables.ToTask other(String id, Set<String> names) {
		return new SubmittedVariables.ToTask(id, names, false);
	}

	private static Set<String> fieldsOf(String form) throws IOException {
		try (InputStream in = new FileInputStream("forms/" + form + ".form")) {
			return FormFields.of(in);
		}
	}

	private static InputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}
