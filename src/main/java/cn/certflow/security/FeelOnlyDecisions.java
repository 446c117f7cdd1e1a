package cn.certflow.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.certflow.system.EngineDmnConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElExpression;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * Issue 15, point 1: DMN tables are FEEL and nothing else, for everyone. A quality
 * manager may deploy decision tables (R-GRD-DMN), and the governance check evaluates a
 * new table's regression cases as soon as it is deployed; a table whose expressions were
 * JUEL or a script language would run Java on the server before anyone approved it. So:
 * <ul>
 * <li>every new deployment, whoever makes it (a quality manager, an administrator, the
 * application at start-up), is refused when one of its DMN resources declares an
 * expression language other than FEEL anywhere ({@link FeelOnlyExpressions}): a
 * {@link ParseException} naming each element, its id and the language, which Camunda's
 * REST API answers with 400 and its per-resource details; nothing is stored;</li>
 * <li>the DMN engine's default languages (input expressions, input entries, output
 * entries, literal expressions) are set to FEEL, with FEEL's legacy (JUEL-based) mode
 * off, and checked once the engine is built: start-up fails if anything changed
 * them;</li>
 * <li>the DMN engine has no JUEL: its EL provider refuses every expression (a table
 * stored before this check, or one parsed outside a deployment, cannot reach Spring beans
 * either). Script languages: {@link NoScriptEngines}.</li>
 * </ul>
 * FEEL's own door to Java, external functions ({@code function(…) external {java: …}}),
 * is off in Camunda's feel-scala integration (ScalaFeelEngine builds its engine with
 * {@code enableExternalFunctions(false)}); no FEEL custom function providers are
 * registered.
 */
@Component
class FeelOnlyDecisions extends AbstractProcessEnginePlugin {

	static final String FEEL = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		deployers.add(new Check());
		configuration.setCustomPreDeployers(deployers);

		DefaultDmnEngineConfiguration dmn = EngineDmnConfiguration.of(configuration);
		dmn.setDefaultInputExpressionExpressionLanguage(FEEL);
		dmn.setDefaultInputEntryExpressionLanguage(FEEL);
		dmn.setDefaultOutputEntryExpressionLanguage(FEEL);
		dmn.setDefaultLiteralExpressionLanguage(FEEL);
		dmn.setEnableFeelLegacyBehavior(false);
		configuration.setDmnFeelEnableLegacyBehavior(false);
		configuration.setDmnElProvider(new NoJuel());
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		verify((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
	}

	/**
	 * The engine as built evaluates DMN with FEEL by default and has no JUEL for it;
	 * start-up fails otherwise.
	 */
	static void verify(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		Map<String, String> defaults = Map.of("defaultInputExpressionExpressionLanguage",
				String.valueOf(dmn.getDefaultInputExpressionExpressionLanguage()),
				"defaultInputEntryExpressionLanguage", String.valueOf(dmn.getDefaultInputEntryExpressionLanguage()),
				"defaultOutputEntryExpressionLanguage", String.valueOf(dmn.getDefaultOutputEntryExpressionLanguage()),
				"defaultLiteralExpressionLanguage", String.valueOf(dmn.getDefaultLiteralExpressionLanguage()));
		Map<String, String> notFeel = defaults.entrySet()
			.stream()
			.filter(e -> !FeelOnlyExpressions.isFeel(e.getValue()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		if (!notFeel.isEmpty() || dmn.isEnableFeelLegacyBehavior() || !(dmn.getElProvider() instanceof NoJuel)
				|| !(dmn.getFeelEngine() instanceof ScalaFeelEngine)) {
			throw new IllegalStateException("issue 15: the DMN engine must evaluate FEEL only; defaults not FEEL: "
					+ notFeel + ", FEEL legacy (JUEL) mode: " + dmn.isEnableFeelLegacyBehavior() + ", EL provider: "
					+ dmn.getElProvider() + ", FEEL engine: " + dmn.getFeelEngine());
		}
	}

	/**
	 * Refuses every new deployment with a DMN resource that declares a language other
	 * than FEEL.
	 */
	static class Check implements Deployer {

		@Override
		public void deploy(DeploymentEntity deployment) {
			if (!deployment.isNew() || deployment.getResources() == null) {
				return; // a deployment read back into the cache (checked when it was
						// new), or an empty one
			}
			List<ResourceEntity> resources = deployment.getResources()
				.values()
				.stream()
				.filter(r -> FeelOnlyExpressions.isDecisionResource(r.getName()))
				.sorted((a, b) -> a.getName().compareTo(b.getName()))
				.toList();
			for (ResourceEntity resource : resources) {
				check(resource.getName(), resource.getBytes());
			}
		}

		static void check(String resourceName, byte[] bytes) {
			List<FeelOnlyExpressions.Violation> violations;
			try {
				violations = FeelOnlyExpressions.violations(bytes);
			}
			catch (ModelException ex) {
				// e.g. the DMN schema's "Attribute 'expressionLanguage' is not allowed to
				// appear in element 'decision'"
				String reason = deepestMessage(ex);
				throw new ParseException(
						"DMN resource " + resourceName + " refused: cannot be read as DMN (" + reason + ")",
						resourceName, List.of(new Refusal("cannot be read as DMN: " + reason, null)), List.of());
			}
			if (violations.isEmpty()) {
				return;
			}
			List<Problem> problems = violations.stream()
				.map(v -> (Problem) new Refusal(v.describe() + "; only FEEL is allowed in decision tables", v.id()))
				.toList();
			throw new ParseException("DMN resource " + resourceName + " refused: decision tables are FEEL only"
					+ " (issue 15; JUEL and script languages would run Java on the server): "
					+ violations.stream()
						.map(FeelOnlyExpressions.Violation::describe)
						.collect(Collectors.joining("; ")),
					resourceName, problems, List.of());
		}

	}

	private static String deepestMessage(Throwable ex) {
		String message = ex.getMessage();
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return message;
	}

	/**
	 * One refused element, as Camunda's REST API lists it under the resource's
	 * {@code details}.
	 */
	record Refusal(String message, String mainElementId) implements Problem {

		@Override
		public String getMessage() {
			return this.message;
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return this.mainElementId;
		}

		@Override
		public List<String> getElementIds() {
			return (this.mainElementId != null) ? List.of(this.mainElementId) : List.of();
		}

	}

	/**
	 * The DMN engine's EL provider: no JUEL expression is ever created, whatever table
	 * asks for one.
	 */
	static final class NoJuel implements ElProvider {

		@Override
		public ElExpression createExpression(String expression) {
			throw new ProcessEngineException("issue 15: JUEL is switched off in decision tables (FEEL only); refused: "
					+ abbreviate(expression));
		}

		private static String abbreviate(String expression) {
			return (expression == null || expression.length() <= 80) ? expression : expression.substring(0, 80) + "…";
		}

	}

}
