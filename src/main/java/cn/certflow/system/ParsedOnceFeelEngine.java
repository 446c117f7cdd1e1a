package cn.certflow.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine for DMN ({@link ScalaFeelEngine}, feel-scala as pinned in the
 * root pom) with each expression text parsed once (issue 22, the grading step). The
 * engine's own {@code evaluateSimpleUnaryTests} and {@code evaluateSimpleExpression}
 * parse the text again at every evaluation (camunda/feel-scala#1149): every cell of a
 * grading table and of its explanation probe, for every scoring. Here the parsed
 * expression is kept per text and evaluated by the same feel-scala engine, with the same
 * value mappers, functions and variable context as {@link ScalaFeelEngine} builds — the
 * evaluation is the one {@code evalUnaryTests}/{@code evalExpression} does after its
 * parse, so results and failure messages stay the engine's. A text that does not parse is
 * not kept: it fails at every evaluation, with feel-scala's message, as before.
 * <p>
 * Kept per engine in a map that is emptied when it would hold more than {@link #CAPACITY}
 * texts of a kind: the texts are the deployed tables' cells, a few hundred per table
 * version, so it is never emptied in practice, and when it is, the texts are parsed
 * again. A parsed expression is an immutable syntax tree; evaluations on many threads
 * share it.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

	/** Texts kept per kind (unary tests, expressions). */
	static final int CAPACITY = 10_000;

	private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

	private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();

	public ParsedOnceFeelEngine(List<FeelCustomFunctionProvider> functionProviders) {
		super(functionProviders);
	}

	/** A standalone DMN engine (not the process engine's) evaluating FEEL this way. */
	public static DefaultDmnEngineConfiguration standaloneConfiguration() {
		DefaultDmnEngineConfiguration configuration = new DefaultDmnEngineConfiguration();
		configuration.setFeelEngineFactory(new Factory());
		return configuration;
	}

	/** {@link #standaloneConfiguration()} with nothing else changed, built. */
	public static DmnEngine standaloneEngine() {
		return standaloneConfiguration().buildEngine();
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
		ParsedExpression parsed = parsed(this.expressions, expression, this.feelEngine::parseExpression);
		return (T) evaluated(parsed, context(new ContextVariableWrapper(variableContext)));
	}

	@Override
	public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
		ParsedExpression parsed = parsed(this.unaryTests, expression, this.feelEngine::parseUnaryTests);
		StaticVariableProvider input = new StaticVariableProvider(
				new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
		VariableProvider variables = new CompositeVariableProvider(
				toScalaList(input, new ContextVariableWrapper(variableContext)));
		return BoxesRunTime.unboxToBoolean(evaluated(parsed, context(variables)));
	}

	private static ParsedExpression parsed(Map<String, ParsedExpression> kept, String expression,
			Function<String, Either<Failure, ParsedExpression>> parser) {
		ParsedExpression parsed = kept.get(expression);
		if (parsed == null) {
			parsed = valueOf(parser.apply(expression));
			if (kept.size() >= CAPACITY) {
				kept.clear();
			}
			kept.put(expression, parsed);
		}
		return parsed;
	}

	@SuppressWarnings("deprecation") // the call ScalaFeelEngine's evalUnaryTests and
										// evalExpression make after their parse
	private Object evaluated(ParsedExpression parsed, Context context) {
		return valueOf(this.feelEngine.eval(parsed, context));
	}

	private static <T> T valueOf(Either<Failure, T> either) {
		if (either instanceof Right<Failure, T> right) {
			return right.value();
		}
		throw LOGGER.evaluationException(((Left<Failure, T>) either).value().message());
	}

	private static Context context(VariableProvider variables) {
		return new CustomContext() {
			@Override
			public VariableProvider variableProvider() {
				return variables;
			}
		};
	}

	/**
	 * Builds {@link ParsedOnceFeelEngine}s, as {@link ScalaFeelEngineFactory} builds
	 * Camunda's.
	 */
	public static class Factory extends ScalaFeelEngineFactory {

		@Override
		public FeelEngine createInstance() {
			return new ParsedOnceFeelEngine(getCustomFunctionProviders());
		}

	}

}
