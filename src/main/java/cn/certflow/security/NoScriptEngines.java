package cn.certflow.security;

import java.util.ArrayList;
import java.util.List;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptBindingsFactory;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptingEngines;
import org.springframework.stereotype.Component;

/**
 * Issue 15, point 1: the process engine has no script engine at all. Camunda looks script
 * languages up through JSR-223 by name, so whatever script engine is on the class path
 * becomes a language of BPMN script tasks, conditions and listeners, and of DMN
 * expressions: MVEL is (it comes with Drools, which runs our rules on its own, not
 * through JSR-223), and so would be Groovy, JavaScript or any other a dependency brings.
 * None of our processes or tables uses a script; this plugin gives the engine a resolver
 * that finds no engine and a ScriptingEngines that refuses every language by name (also
 * the engine's own JUEL script engine, and a process application's engines), so a script,
 * whoever deployed it, fails with a clear message instead of running. Quality managers
 * cannot deploy BPMN at all ({@link DecisionTableDeploymentsOnly}); a DMN expression in a
 * script language is refused at deployment ({@link FeelOnlyDecisions}).
 */
@Component
class NoScriptEngines extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		Resolver resolver = new Resolver();
		configuration.setScriptEngineResolver(resolver);
		configuration.setScriptingEngines(new Refusing(resolver));
		configuration.setEnableFetchScriptEngineFromProcessApplication(false);
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		if (!(configuration.getScriptingEngines() instanceof Refusing)
				|| !(configuration.getScriptEngineResolver() instanceof Resolver)
				|| !(configuration.getDmnEngineConfiguration().getScriptEngineResolver() instanceof Refusing)) {
			throw new IllegalStateException("issue 15: the process engine must have no script engine; it has "
					+ configuration.getScriptingEngines() + " / " + configuration.getScriptEngineResolver());
		}
	}

	static ProcessEngineException refused(String language) {
		return new ProcessEngineException("issue 15: CertFlow runs no scripts; there is no script engine for language '"
				+ language + "' (FEEL in decision tables, Java delegates in processes)");
	}

	/** Every language is refused by name; nothing is compiled, cached or executed. */
	static final class Refusing extends ScriptingEngines {

		Refusing(ScriptEngineResolver resolver) {
			super(new ScriptBindingsFactory(new ArrayList<>()), resolver);
		}

		@Override
		public ScriptEngine getScriptEngineForLanguage(String language) {
			throw refused(language);
		}

		@Override
		public ScriptingEngines addScriptEngineFactory(ScriptEngineFactory factory) {
			return this; // a plugin registering an engine (Spin's, a process
							// application's) adds nothing
		}

	}

	/** Finds no script engine, whatever is on the class path. */
	static final class Resolver implements ScriptEngineResolver {

		private final ScriptEngineManager none = new Empty();

		@Override
		public void addScriptEngineFactory(ScriptEngineFactory factory) {
			// nothing is ever registered
		}

		@Override
		public ScriptEngineManager getScriptEngineManager() {
			return this.none;
		}

		@Override
		public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
			return null;
		}

	}

	/**
	 * A JSR-223 manager that knows no engine (the JDK's would list every factory on the
	 * class path, MVEL's too).
	 */
	static final class Empty extends ScriptEngineManager {

		Empty() {
			super(new ClassLoader(null) {
			});
		}

		@Override
		public ScriptEngine getEngineByName(String shortName) {
			return null;
		}

		@Override
		public ScriptEngine getEngineByExtension(String extension) {
			return null;
		}

		@Override
		public ScriptEngine getEngineByMimeType(String mimeType) {
			return null;
		}

		@Override
		public List<ScriptEngineFactory> getEngineFactories() {
			return List.of();
		}

		@Override
		public void registerEngineName(String name, ScriptEngineFactory factory) {
			// nothing is ever registered
		}

		@Override
		public void registerEngineExtension(String extension, ScriptEngineFactory factory) {
			// nothing is ever registered
		}

		@Override
		public void registerEngineMimeType(String type, ScriptEngineFactory factory) {
			// nothing is ever registered
		}

	}

}
