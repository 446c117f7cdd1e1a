package cn.certflow.support;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Every Spring test class starts at the real time: the engine clock is JVM-wide, and a
 * class that moved it in {@code @BeforeAll} and never put it back left the next class at
 * its date (a table change approved "before" it was proposed). Registered for every test
 * in META-INF/spring.factories.
 */
public class EngineClockReset implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestClass(TestContext testContext) {
		ClockUtil.reset();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
