package cn.certflow.support;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Before every test of a Spring context, registers that context's process engine as
 * Camunda's "default" engine. Camunda's REST API, its webapps and the HTTP Basic filter
 * look the engine up by that name in a JVM-wide registry; with several Spring contexts in
 * one test JVM (other properties, other profiles) the last one started, or none once it
 * is closed, answered for all of them: requests of one test class then met another
 * context's users and data (401, 404, 500 depending on the order the classes ran). The
 * same holds for the runtime container's registry, where the webapps (Tasklist's index
 * page) find their engine: a context closed by {@code @DirtiesContext} took "default" out
 * of it, and the next class's Tasklist answered 500. Registered for every test in
 * META-INF/spring.factories.
 */
public class OwnEngineRegistered implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBeanProvider(ProcessEngine.class)
				.ifAvailable(ProcessEngines::registerProcessEngine);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
