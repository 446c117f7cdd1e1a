package cn.certflow.system;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The process engine's DMN engine configuration for plugins to set in {@code preInit}:
 * made now when the engine has none yet, so that every plugin (FEEL only, FEEL parsed
 * once) sets the same one, whichever runs first.
 */
public final class EngineDmnConfiguration {

	private EngineDmnConfiguration() {
	}

	public static DefaultDmnEngineConfiguration of(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		return dmn;
	}

}
