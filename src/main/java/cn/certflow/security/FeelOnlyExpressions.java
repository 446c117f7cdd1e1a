package cn.certflow.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * Which expression languages a DMN file declares (issue 15, point 1). The grade and
 * audit-time tables are FEEL only: FEEL (feel-scala, external Java functions off) reaches
 * nothing outside the table's own inputs, whereas the other languages Camunda's DMN
 * engine accepts reach Java ({@code juel}: {@code ${''.getClass().forName(…)}}, Spring
 * beans such as {@code ${environment.getProperty(…)}}; any JSR-223 language name: a
 * script engine such as MVEL).
 *
 * <p>
 * The engine takes an expression's language from its own {@code expressionLanguage}
 * attribute (input expressions, input entries, output entries, literal expressions), else
 * from the {@code definitions} element's, else from its configured defaults (FEEL: see
 * {@link FeelOnlyDecisions}). So a file is FEEL only when no element anywhere in it names
 * a language other than FEEL; this looks at the {@code expressionLanguage} attribute of
 * every element of the document, read with Camunda's DMN model API, including elements
 * the engine ignores it on today (decision, decision table), so that nothing declared
 * there can start to count later.
 */
public final class FeelOnlyExpressions {

	/**
	 * The names under which Camunda's DMN engine evaluates with FEEL
	 * (ExpressionEvaluationHandler#isFeelExpressionLanguage).
	 */
	static final Set<String> FEEL = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
			DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

	static final String EXPRESSION_LANGUAGE = "expressionLanguage";

	/**
	 * Camunda's DMN extension namespace: an attribute of that name there is refused as
	 * well.
	 */
	static final String CAMUNDA_DMN_NS = "http://camunda.org/schema/1.0/dmn";

	private FeelOnlyExpressions() {
	}

	/** One element that declares a language other than FEEL. */
	public record Violation(String element, String id, String context, String language) {

		/**
		 * e.g.
		 * {@code inputEntry 'InputEntry_1' (rule 'Rule_1', decision 'grade-pcec') declares expressionLanguage 'juel'}
		 */
		public String describe() {
			return this.element + ((this.id != null) ? " '" + this.id + "'" : "")
					+ (this.context.isEmpty() ? "" : " (" + this.context + ")") + " declares expressionLanguage '"
					+ this.language + "'";
		}

	}

	/**
	 * Whether the engine deploys this resource as DMN: the engine's own rule (a name
	 * ending in "dmn" or "dmn11.xml").
	 */
	public static boolean isDecisionResource(String resourceName) {
		if (resourceName == null) {
			return false;
		}
		for (String suffix : DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES) {
			if (resourceName.endsWith(suffix)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the engine evaluates an expression of this language with FEEL. */
	public static boolean isFeel(String language) {
		return language != null && (FEEL.contains(language) || FEEL.contains(language.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Every element of the DMN file that declares a language other than FEEL, in document
	 * order.
	 * @throws org.camunda.bpm.model.xml.ModelParseException when the bytes are no DMN the
	 * model API reads
	 */
	public static List<Violation> violations(byte[] dmn) {
		DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
		List<Violation> violations = new ArrayList<>();
		visit(model.getDocument().getRootElement(), violations);
		return violations;
	}

	private static void visit(DomElement element, List<Violation> violations) {
		for (String language : new String[] { element.getAttribute(EXPRESSION_LANGUAGE),
				element.getAttribute(CAMUNDA_DMN_NS, EXPRESSION_LANGUAGE) }) {
			if (language != null && !isFeel(language)) {
				violations.add(new Violation(element.getLocalName(), blankToNull(element.getAttribute("id")),
						context(element), language));
			}
		}
		for (DomElement child : element.getChildElements()) {
			visit(child, violations);
		}
	}

	/**
	 * The element's own name or label, then its enclosing input / rule / decision, e.g.
	 * "input 'Input_1' (score)".
	 */
	private static String context(DomElement element) {
		List<String> parts = new ArrayList<>();
		String own = label(element);
		if (own != null) {
			parts.add(own);
		}
		for (DomElement parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
			String kind = parent.getLocalName();
			if (Set.of("input", "output", "rule", "decision", "businessKnowledgeModel").contains(kind)) {
				String id = blankToNull(parent.getAttribute("id"));
				String label = label(parent);
				parts.add(kind + ((id != null) ? " '" + id + "'" : "") + ((label != null) ? " " + label : ""));
			}
		}
		return String.join(", ", parts);
	}

	private static String label(DomElement element) {
		String name = blankToNull(element.getAttribute("name"));
		String label = blankToNull(element.getAttribute("label"));
		return (name != null) ? "“" + name + "”" : (label != null) ? "“" + label + "”" : null;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
