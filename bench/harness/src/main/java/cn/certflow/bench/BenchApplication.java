package cn.certflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.certflow.CertFlowApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The CertFlow application as production runs it on PostgreSQL (profile {@code postgres},
 * its application.yaml), with the demo accounts the driver acts as (profile {@code demo})
 * and the harness's additions (profile {@code bench}, application-bench.yaml). The web
 * server runs on a free port as in production (the REST starter needs it), but the
 * harness calls the Java API as Camunda's REST API and Tasklist do.
 */
final class BenchApplication implements AutoCloseable {

	final ConfigurableApplicationContext context;

	final ProcessEngine engine;

	private BenchApplication(ConfigurableApplicationContext context) {
		this.context = context;
		this.engine = context.getBean(ProcessEngine.class);
	}

	/**
	 * Starts the application on the scratch database; {@code overrides} are Spring
	 * properties (highest precedence).
	 */
	static BenchApplication start(String jdbcUrl, String user, Map<String, String> overrides) {
		List<String> args = new ArrayList<>();
		args.add("--spring.datasource.url=" + jdbcUrl);
		args.add("--spring.datasource.username=" + user);
		args.add("--spring.datasource.password=");
		overrides.forEach((key, value) -> args.add("--" + key + "=" + value));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(CertFlowApplication.class,
				BenchConfiguration.class)
			.web(WebApplicationType.SERVLET)
			.profiles("postgres", "demo", "bench")
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
		OptimisticLockingLog.attach();
		return new BenchApplication(context);
	}

	/** The port the application's web server listens on (Tasklist, the REST API). */
	int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	ProcessEngineConfigurationImpl configuration() {
		return (ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration();
	}

	JobExecutor jobExecutor() {
		return configuration().getJobExecutor();
	}

	@Override
	public void close() {
		this.context.close();
	}

}
