package cn.certflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * The CPU the grading itself takes inside a scoring step (issue 22 "a grading step
 * (scoring + DMN + explanation)"): every call of the application's {@code GradingService}
 * (score from the sheet, the grade table's DMN evaluation, the approved version in force,
 * the explanation, the special items) and of {@code AuditScoring.grade} (the same plus
 * recording the scoring and its nonconformities), timed on the calling thread by wrapping
 * the two beans in a proxy. The engine's flush at the end of the step (the decision's
 * history rows among the rest) is not inside either call; {@link StepCosts} counts it
 * with the step.
 */
final class GradingWork implements BeanPostProcessor {

	/** CPU nanoseconds spent in GradingService calls so far, every thread. */
	static final AtomicLong GRADING = new AtomicLong();

	/** CPU nanoseconds spent in AuditScoring.grade calls so far, every thread. */
	static final AtomicLong SCORING = new AtomicLong();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		String type = ClassUtils.getUserClass(bean).getName();
		if (type.equals("cn.certflow.grading.GradingService")) {
			return timed(bean, GRADING, (name) -> true);
		}
		if (type.equals("cn.certflow.audit.AuditScoring")) {
			return timed(bean, SCORING, (name) -> name.equals("grade"));
		}
		return bean;
	}

	private static Object timed(Object bean, AtomicLong total, java.util.function.Predicate<String> methods) {
		ProxyFactory factory = new ProxyFactory(bean);
		factory.setProxyTargetClass(true);
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			if (!methods.test(invocation.getMethod().getName())) {
				return invocation.proceed();
			}
			long start = THREADS.getCurrentThreadCpuTime();
			try {
				return invocation.proceed();
			}
			finally {
				total.addAndGet(THREADS.getCurrentThreadCpuTime() - start);
			}
		});
		return factory.getProxy(bean.getClass().getClassLoader());
	}

}
