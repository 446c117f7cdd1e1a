package cn.certflow.bench;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the harness adds to the application: the commit counter around its DataSource and
 * the timer of the grading work.
 */
@Configuration(proxyBeanMethods = false)
class BenchConfiguration {

	@Bean
	static CommitCounter commitCounter() {
		return new CommitCounter();
	}

	@Bean
	static GradingWork gradingWork() {
		return new GradingWork();
	}

}
