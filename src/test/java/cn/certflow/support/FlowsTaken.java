package cn.certflow.support;

import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The engine of the process tests (camunda-process.cfg.xml) notes every sequence flow it
 * takes, as {@code processKey#flowId}, so that {@link GatewayPaths} can tell which
 * outgoing paths of a model's gateways a test class walked.
 */
public class FlowsTaken extends AbstractProcessEnginePlugin {

	private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

	private static final ExecutionListener NOTE = (execution) -> TAKEN
		.add(key(execution.getProcessDefinitionId()) + "#" + execution.getCurrentTransitionId());

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {

			@Override
			public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
				transition.addListener(ExecutionListener.EVENTNAME_TAKE, NOTE);
			}

		});
	}

	static boolean taken(String processKey, String flowId) {
		return TAKEN.contains(processKey + "#" + flowId);
	}

	static void forget(String processKey) {
		TAKEN.removeIf((flow) -> flow.startsWith(processKey + "#"));
	}

	private static String key(String processDefinitionId) {
		return processDefinitionId.substring(0, processDefinitionId.indexOf(':'));
	}

}
