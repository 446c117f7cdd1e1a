package cn.certflow.support;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 point 4: a model's process test class walks every outgoing path of every
 * gateway. Registered beside {@link ProcessTestEngine}, it checks after the class's tests
 * that each outgoing sequence flow of each gateway of the model was taken by one of them
 * (noted by {@link FlowsTaken}), and names the flows that were not. A path known to be
 * left untested is named with {@link #except}, so that the gap is written down and a new
 * gateway without a test still fails.
 *
 * <pre>
 * &#64;RegisterExtension
 * static final GatewayPaths paths = new GatewayPaths("processes/onsite-audit.bpmn");
 * </pre>
 */
public final class GatewayPaths implements BeforeAllCallback, AfterAllCallback {

	private final String resource;

	private final Set<String> excepted = new TreeSet<>();

	public GatewayPaths(String resource) {
		this.resource = resource;
	}

	/** Flows (ids) this class is known not to walk yet. */
	public GatewayPaths except(String... flowIds) {
		this.excepted.addAll(Arrays.asList(flowIds));
		return this;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		processKeys(model()).forEach(FlowsTaken::forget);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		assertThat(untaken(model()))
			.as("outgoing paths of the gateways of " + this.resource + " that no test of "
					+ context.getRequiredTestClass().getSimpleName() + " walked")
			.isEmpty();
	}

	private List<String> untaken(BpmnModelInstance model) {
		List<String> untaken = new ArrayList<>();
		for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
			String key = process(gateway).getId();
			for (SequenceFlow flow : gateway.getOutgoing()) {
				if (!this.excepted.contains(flow.getId()) && !FlowsTaken.taken(key, flow.getId())) {
					untaken.add(gateway.getId() + " -> " + flow.getId() + " ("
							+ ((flow.getName() != null) ? flow.getName() : flow.getTarget().getName()) + ")");
				}
			}
		}
		return untaken;
	}

	private static Process process(ModelElementInstance element) {
		ModelElementInstance parent = element.getParentElement();
		return (parent instanceof Process process) ? process : process(parent);
	}

	private static Collection<String> processKeys(BpmnModelInstance model) {
		return model.getModelElementsByType(Process.class).stream().map(Process::getId).toList();
	}

	private BpmnModelInstance model() {
		try (InputStream in = GatewayPaths.class.getClassLoader().getResourceAsStream(this.resource)) {
			assertThat(in).as(this.resource).isNotNull();
			return Bpmn.readModelFromStream(in);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(this.resource, ex);
		}
	}

}
