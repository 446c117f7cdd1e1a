package cn.certflow.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Our Flyway migrations run before the process engine starts: on an empty database the
 * engine would otherwise create its tables first, and Flyway, finding a non-empty schema,
 * would take it as already at version 1.
 */
@Component
class EngineAfterFlyway extends AbstractDependsOnBeanFactoryPostProcessor {

	EngineAfterFlyway() {
		super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
	}

}
