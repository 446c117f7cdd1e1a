package cn.certflow.support;

import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine alone for the process tests (one per BPMN): {@link ProcessEngineExtension}
 * on camunda-process.cfg.xml (in-memory H2, full history, no job executor, Spin,
 * {@code Mocks}), camunda-bpm-assert bound to it for each test, the beans registered with
 * {@link Mocks#register} (see {@link StandIns}) dropped after each test. Deploy with
 * {@code @Deployment(resources = ...)} on the class or the method; the clock is
 * {@link EngineClock}.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ProcessTestEngine engine = new ProcessTestEngine();
 * </pre>
 */
public class ProcessTestEngine extends ProcessEngineExtension {

	public static final String CONFIGURATION = "camunda-process.cfg.xml";

	public ProcessTestEngine() {
		this.configurationResource = CONFIGURATION;
		build(); // the engine (one per JVM, cached by the configuration resource) and its
					// services
	}

	@Override
	public void beforeTestExecution(ExtensionContext context) {
		super.beforeTestExecution(context);
		// camunda-bpm-assert keeps its engine per thread: an earlier test in this JVM may
		// have set another one
		BpmnAwareTests.init(getProcessEngine());
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		try {
			super.afterTestExecution(context);
		}
		finally {
			Mocks.reset();
			BpmnAwareTests.reset();
		}
	}

	/**
	 * Deploys a model built in the test (a stand-in for a called process, or a caller
	 * that catches an error), removed after the test.
	 */
	public void deploy(String resourceName, BpmnModelInstance model) {
		Deployment deployment = getRepositoryService().createDeployment()
			.addModelInstance(resourceName, model)
			.deploy();
		manageDeployment(deployment);
	}

	/**
	 * Timers of the process instance (and the instances it called) that are due at the
	 * engine's time now.
	 */
	public List<Job> dueTimers(ProcessInstance instance) {
		return getManagementService().createJobQuery()
			.rootProcessInstanceId(instance.getRootProcessInstanceId())
			.timers()
			.executable()
			.list();
	}

	/**
	 * Timers of the process instance (and the instances it called) not yet due at the
	 * engine's time now.
	 */
	public List<Job> pendingTimers(ProcessInstance instance) {
		return getManagementService().createJobQuery()
			.rootProcessInstanceId(instance.getRootProcessInstanceId())
			.timers()
			.list()
			.stream()
			.filter((job) -> job.getDuedate().after(ClockUtil.getCurrentTime()))
			.toList();
	}

	/** Fires every timer due now, as the job executor would; returns how many fired. */
	public int fireDueTimers(ProcessInstance instance) {
		List<Job> due = dueTimers(instance);
		due.forEach((job) -> getManagementService().executeJob(job.getId()));
		return due.size();
	}

}
