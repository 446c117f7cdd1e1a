package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.script.ScriptEngineManager;

import cn.certflow.support.DatabaseSnapshot;
import cn.certflow.system.ParsedOnceFeelEngine;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Issue 15, point 1: a quality manager (or anyone) cannot run Java through a decision
 * table. The attack as found: a table whose expression declares JUEL reads
 * {@code environment.getProperty('spring.datasource.url')}, deployed through
 * {@code /engine-rest/deployment/create} with its regression cases, so that the
 * governance check evaluates it at once, before any second quality manager. Each place a
 * DMN file can name an expression language is tried; every one is refused with 400 naming
 * the element and the language, nothing is deployed and no decision is evaluated. The
 * engine itself evaluates FEEL only (defaults, no JUEL, no script engine), FEEL's
 * external Java functions are off, and BPMN scripts run for nobody.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FeelOnlyDecisionsTest {

	/** The expression the probe used: JUEL reaching the Spring environment bean. */
	static final String ATTACK = "${environment.getProperty('spring.datasource.url')}";

	@Autowired
	TestRestTemplate http;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Autowired
	DecisionService decisions;

	@Autowired
	RuntimeService runtime;

	@Value("${spring.datasource.url}")
	String datasourceUrl;

	static Stream<Arguments> attacks() throws IOException {
		String table = table();
		return Stream.of(Arguments.of("input expression", table.replace(
				"<inputExpression id=\"InputExpression_Score\" typeRef=\"double\">\n          <text>score</text>",
				"<inputExpression id=\"InputExpression_Score\" expressionLanguage=\"juel\">\n          <text>" + ATTACK
						+ "</text>"),
				"InputExpression_Score", "juel"),
				Arguments.of("input entry", table.replace(
						"<inputEntry id=\"InputEntry_FiveStars_1\">\n          <text>&gt;= 95</text>",
						"<inputEntry id=\"InputEntry_FiveStars_1\" expressionLanguage=\"juel\">\n          <text>"
								+ "${environment.getProperty('spring.datasource.url') != null}</text>"),
						"InputEntry_FiveStars_1", "juel"),
				Arguments.of("output entry", outputEntry(table, "expressionLanguage=\"juel\"", ATTACK),
						"OutputEntry_NotCertified_2", "juel"),
				Arguments.of("literal expression (a required decision)", table.replace(
						"    <decisionTable id=\"DecisionTable_GradePcec\"",
						"    <informationRequirement id=\"InformationRequirement_Probe\">\n"
								+ "      <requiredDecision href=\"#datasource-probe\" />\n"
								+ "    </informationRequirement>\n    <decisionTable id=\"DecisionTable_GradePcec\"")
					.replace("  </decision>\n</definitions>",
							"  </decision>\n  <decision id=\"datasource-probe\" name=\"probe\" camunda:historyTimeToLive=\"P1D\">\n"
									+ "    <variable id=\"Variable_Probe\" name=\"probe\" typeRef=\"string\" />\n"
									+ "    <literalExpression id=\"LiteralExpression_Probe\" expressionLanguage=\"juel\">\n"
									+ "      <text>" + ATTACK
									+ "</text>\n    </literalExpression>\n  </decision>\n</definitions>"),
						"LiteralExpression_Probe", "juel"),
				Arguments.of("definitions element (the file's default language)",
						outputEntry(table, "", ATTACK).replace("<definitions ",
								"<definitions expressionLanguage=\"juel\" "),
						"Definitions_GradePcec", "juel"),
				Arguments.of("decision element",
						outputEntry(table, "", ATTACK).replace("<decision id=\"grade-pcec\" ",
								"<decision id=\"grade-pcec\" expressionLanguage=\"juel\" "),
						"decision", "not allowed"),
				Arguments.of("decision table element",
						outputEntry(table, "", ATTACK).replace("<decisionTable id=\"DecisionTable_GradePcec\" ",
								"<decisionTable id=\"DecisionTable_GradePcec\" expressionLanguage=\"juel\" "),
						"decisionTable", "not allowed"),
				Arguments.of("MVEL (a JSR-223 script engine that comes with Drools)",
						outputEntry(table, "expressionLanguage=\"mvel\"",
								"java.lang.System.getProperty(&quot;user.home&quot;)"),
						"OutputEntry_NotCertified_2", "mvel"),
				Arguments.of("JavaScript",
						outputEntry(table, "expressionLanguage=\"javascript\"", "java.lang.System.exit(3)"),
						"OutputEntry_NotCertified_2", "javascript"),
				Arguments.of("Groovy", outputEntry(table, "expressionLanguage=\"groovy\"", "System.exit(3)"),
						"OutputEntry_NotCertified_2", "groovy"),
				Arguments.of("JUEL in capitals", outputEntry(table, "expressionLanguage=\"JUEL\"", ATTACK),
						"OutputEntry_NotCertified_2", "JUEL"),
				Arguments.of("Camunda's namespace",
						outputEntry(table, "camunda:expressionLanguage=\"juel\"", "&quot;x&quot;"),
						"OutputEntry_NotCertified_2", "juel"));
	}

	/**
	 * The not-certified row's grade (the row the low-score cases hit), with the given
	 * attributes and text.
	 */
	private static String outputEntry(String table, String attributes, String text) {
		String entry = "<outputEntry id=\"OutputEntry_NotCertified_2\">\n          <text>&quot;不合格&quot;</text>";
		assertThat(table).contains(entry);
		return table.replace(entry, "<outputEntry id=\"OutputEntry_NotCertified_2\"" + (attributes.isEmpty() ? "" : " ")
				+ attributes + ">\n          <text>" + text + "</text>");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void shouldRefuseATableThatDeclaresAnotherLanguageThanFeel(String where, String dmn, String element,
			String language) throws IOException {
		assertThat(dmn).as("the attack was built").isNotEqualTo(table());
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);
		long deployments = this.repository.createDeploymentQuery().count();
		long evaluations = this.history.createHistoricDecisionInstanceQuery().count();

		ResponseEntity<String> response = deploy("quality", dmn);

		assertThat(response.getStatusCode()).as(where + ": " + response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		if (language.equals("not allowed")) {
			// the DMN schema has no expressionLanguage there: the model API (the engine's
			// parser too) cannot read it
			assertThat(response.getBody()).contains("grade-pcec.dmn", "cannot be read as DMN", "expressionLanguage",
					"not allowed to appear in element '" + element + "'");
		}
		else {
			assertThat(response.getBody()).contains("grade-pcec.dmn", "'" + element + "'", "FEEL only",
					"expressionLanguage '" + language + "'");
		}
		assertThat(response.getBody()).doesNotContain(this.datasourceUrl);
		assertThat(this.repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
		assertThat(this.history.createHistoricDecisionInstanceQuery().count()).as("no decision evaluated")
			.isEqualTo(evaluations);
		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
	}

	@Test
	void shouldRefuseItFromAnAdministratorAndFromCodeAsWell() throws IOException {
		String dmn = outputEntry(table(), "expressionLanguage=\"juel\"", ATTACK);
		Map<String, Long> before = DatabaseSnapshot.take(this.jdbc);

		ResponseEntity<String> admin = deploy("admin", dmn);
		assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(admin.getBody()).contains("OutputEntry_NotCertified_2", "juel");
		// the engine's own API, without a user (the path of the start-up deployment)
		assertThatThrownBy(() -> this.repository.createDeployment()
			.addInputStream("grade-pcec.dmn", new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8)))
			.deploy()).hasMessageContaining("OutputEntry_NotCertified_2").hasMessageContaining("FEEL only");
		// a name the engine also treats as DMN
		assertThat(deployAs("admin", "grade-pcec.dmn11.xml", dmn).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		assertThat(DatabaseSnapshot.take(this.jdbc)).isEqualTo(before);
	}

	@Test
	void shouldStillAcceptFeelWhicheverWayItIsNamed() throws IOException {
		String dmn = outputEntry(table(), "expressionLanguage=\"feel\"", "&quot;不合格&quot;")
			.replace("<definitions ",
					"<definitions expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\" ")
			.replace("<inputEntry id=\"InputEntry_FiveStars_1\">",
					"<inputEntry id=\"InputEntry_FiveStars_1\" expressionLanguage=\"http://www.omg.org/spec/FEEL/20140401\">");
		ResponseEntity<String> response = deploy("quality", dmn);
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldFindTheReleasesOwnTablesFeelOnly() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("rules"))) {
			List<Path> tables = files.filter(f -> FeelOnlyExpressions.isDecisionResource(f.toString())).toList();
			assertThat(tables).hasSizeGreaterThanOrEqualTo(3);
			for (Path file : tables) {
				assertThat(FeelOnlyExpressions.violations(Files.readAllBytes(file))).as(file.toString()).isEmpty();
			}
		}
	}

	@Test
	@DisplayName("Issue 22: the application's decision engine evaluates FEEL parsing each cell once (system.ParsedOnceFeelEngine, no custom functions to hand it)")
	void shouldParseEachCellOnceInTheApplicationsEngine() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
		assertThat(configuration.getDmnFeelCustomFunctionProviders()).isNullOrEmpty();
	}

	@Test
	void shouldEvaluateFeelOnlyInTheEngineItself() throws IOException {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		assertThat(
				List.of(dmn.getDefaultInputExpressionExpressionLanguage(), dmn.getDefaultInputEntryExpressionLanguage(),
						dmn.getDefaultOutputEntryExpressionLanguage(), dmn.getDefaultLiteralExpressionLanguage()))
			.containsOnly(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE);
		assertThat(dmn.isEnableFeelLegacyBehavior()).isFalse();
		assertThat(dmn.getFeelEngine()).isInstanceOf(ScalaFeelEngine.class);
		assertThat(configuration.isDmnFeelEnableLegacyBehavior()).isFalse();
		assertThat(configuration.getDmnFeelCustomFunctionProviders()).isNullOrEmpty();

		// a JUEL or MVEL table that never went through a deployment (one stored before
		// the check): still no Java
		DmnEngine dmnEngine = configuration.getDmnEngine();
		for (String language : List.of("juel", "mvel")) {
			String text = language.equals("juel") ? ATTACK : "java.lang.System.getProperty(&quot;user.home&quot;)";
			byte[] dmnBytes = outputEntry(table(), "expressionLanguage=\"" + language + "\"", text)
				.getBytes(StandardCharsets.UTF_8);
			// inside an engine command, as the engine's own deployers and decision
			// service run it
			assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(command -> {
				DmnDecision decision = dmnEngine.parseDecision("grade-pcec", new ByteArrayInputStream(dmnBytes));
				return dmnEngine.evaluateDecisionTable(decision,
						Variables.createVariables().putValue("score", 10.0).putValue("specialDeductions", 0));
			})).as(language)
				.satisfies(ex -> assertThat(messages(ex))
					.contains(language.equals("juel") ? "JUEL is switched off" : "runs no scripts")
					.doesNotContain(this.datasourceUrl));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "mvel", "groovy", "javascript", "js", "ecmascript", "graal.js", "nashorn", "juel",
			"python", "ruby", "kotlin" })
	void shouldHaveNoScriptEngine(String language) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) this.engine
			.getProcessEngineConfiguration();
		assertThatThrownBy(() -> configuration.getScriptingEngines().getScriptEngineForLanguage(language))
			.satisfies(ex -> assertThat(messages(ex)).contains("runs no scripts"));
		assertThat(configuration.getScriptEngineResolver().getScriptEngine(language, false)).isNull();
		assertThat(configuration.getScriptEngineResolver().getScriptEngineManager().getEngineByName(language)).isNull();
	}

	@Test
	void shouldRunNoBpmnScriptWhoeverDeployedIt() {
		assertThat(new ScriptEngineManager().getEngineByName("mvel")).as("MVEL is on the class path (Drools)")
			.isNotNull();
		String process = Bpmn.convertToString(Bpmn.createExecutableProcess("script-probe")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.scriptTask()
			.scriptFormat("mvel")
			.scriptText("java.lang.System.setProperty(\"certflow.script.probe\", \"ran\")")
			.endEvent()
			.done());

		assertThat(deployAs("quality", "script-probe.bpmn", process).getStatusCode()).as("quality managers: no BPMN")
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(deployAs("admin", "script-probe.bpmn", process).getStatusCode()).as("administrators deploy BPMN")
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<String> start = this.http.withBasicAuth("admin", "admin")
			.postForEntity("/engine-rest/process-definition/key/script-probe/start", json("{}"), String.class);
		assertThat(start.getStatusCode().is2xxSuccessful()).as(start.getBody()).isFalse();
		assertThat(start.getBody()).contains("runs no scripts");
		assertThat(System.getProperty("certflow.script.probe")).isNull();
		assertThat(this.runtime.createProcessInstanceQuery().processDefinitionKey("script-probe").count()).isZero();
	}

	/**
	 * FEEL's door to Java: an external function. Deployable (it is FEEL), but the engine
	 * refuses to call it, so the governance check's evaluation fails and nothing runs;
	 * System.exit(int) would end this very test run.
	 */
	@Test
	void shouldNotCallJavaFromFeelExternalFunctions() throws IOException {
		String setProperty = "{ f: function(key, value) external { java: { class: &quot;java.lang.System&quot;,"
				+ " method signature: &quot;setProperty(java.lang.String, java.lang.String)&quot; } },"
				+ " r: f(&quot;certflow.feel.probe&quot;, &quot;ran&quot;) }.r";
		String exit = "{ f: function(code) external { java: { class: &quot;java.lang.System&quot;,"
				+ " method signature: &quot;exit(int)&quot; } }, r: f(0) }.r";
		for (String text : List.of(setProperty, exit)) {
			ResponseEntity<String> response = deploy("quality", outputEntry(table(), "", text));
			assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(200, 400);
			assertThat(System.getProperty("certflow.feel.probe")).isNull();
			if (response.getStatusCode().value() == 200) {
				DecisionDefinition latest = this.repository.createDecisionDefinitionQuery()
					.decisionDefinitionKey("grade-pcec")
					.latestVersion()
					.singleResult();
				assertThatThrownBy(() -> this.decisions.evaluateDecisionTableById(latest.getId())
					.variables(Variables.createVariables().putValue("score", 10.0).putValue("specialDeductions", 0))
					.evaluate()).satisfies(ex -> assertThat(messages(ex)).contains("External functions are disabled"));
				assertThat(System.getProperty("certflow.feel.probe")).isNull();
			}
		}
	}

	// --- helpers

	/** The messages of an exception and all its causes. */
	private static String messages(Throwable ex) {
		StringBuilder all = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			all.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append('\n');
		}
		return all.toString();
	}

	private static String table() throws IOException {
		return Files.readString(Path.of("rules/grade-pcec.dmn"));
	}

	/**
	 * Deploys a grade-pcec table with its regression cases, as Modeler does: the
	 * governance check runs them at once.
	 */
	private ResponseEntity<String> deploy(String user, String dmn) throws IOException {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", "issue 15 probe by " + user);
		body.add("grade-pcec.dmn", file("grade-pcec.dmn", dmn));
		body.add("grade-pcec.cases.json",
				file("grade-pcec.cases.json", Files.readString(Path.of("rules/grade-pcec.cases.json"))));
		return post(user, body);
	}

	private ResponseEntity<String> deployAs(String user, String name, String content) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", "issue 15 probe by " + user);
		body.add(name, file(name, content));
		return post(user, body);
	}

	private ResponseEntity<String> post(String user, MultiValueMap<String, Object> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return this.http.withBasicAuth(user, user)
			.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
	}

	private static ByteArrayResource file(String name, String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

	private static HttpEntity<String> json(String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return new HttpEntity<>(body, headers);
	}

}
