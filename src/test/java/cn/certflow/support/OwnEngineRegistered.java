package cn.certflow.support;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;
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
 * of it. And the webapps' own runtime delegates (Tasklist, Cockpit, Admin, Welcome:
 * JVM-wide statics that a closing servlet context sets to null): after a
 * {@code @DirtiesContext} class, Tasklist's index page and login failed with a
 * NullPointerException (500) in every later class. Registered for every test in
 * META-INF/spring.factories.
 */
public class OwnEngineRegistered implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext()
				.getBeanProvider(ProcessEngine.class)
				.ifAvailable(OwnEngineRegistered::register);
		}
	}

	private static void register(ProcessEngine engine) {
		ProcessEngines.registerProcessEngine(engine);
		RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
		ProcessEngine registered = registered(container, engine.getName());
		if (registered != engine) {
			if (registered != null) {
				container.unregisterProcessEngine(registered);
			}
			container.registerProcessEngine(engine);
		}
		webappsRestored();
	}

	private static ProcessEngine registered(RuntimeContainerDelegate container, String name) {
		try {
			return container.getProcessEngineService().getProcessEngine(name);
		}
		catch (ProcessEngineException ex) {
			return null;
		}
	}

	private static void webappsRestored() {
		if (Cockpit.getRuntimeDelegate() == null) {
			Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
		}
		if (Tasklist.getRuntimeDelegate() == null) {
			Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
		}
		if (Admin.getRuntimeDelegate() == null) {
			Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
		}
		if (Welcome.getRuntimeDelegate() == null) {
			Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
