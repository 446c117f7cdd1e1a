package cn.certflow.system;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The process engine's DMN engine evaluates FEEL with {@link ParsedOnceFeelEngine}: each
 * cell of a deployed table is parsed once, not at every evaluation (issue 22, the grading
 * step). The engine's setting for FEEL custom function providers
 * ({@code dmnFeelCustomFunctionProviders}) is not handed to this factory: CertFlow
 * registers none ({@code security.FeelOnlyDecisions}).
 */
@Component
class FeelParsedOnce extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = EngineDmnConfiguration.of(configuration);
		dmn.setFeelEngineFactory(new ParsedOnceFeelEngine.Factory());
	}

}
