package cn.certflow.governance;

import java.util.ArrayList;

import cn.certflow.grading.ApprovedDecisions;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement.CallableElementBinding;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ConstantValueProvider;
import org.camunda.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.DecisionEvaluationUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * R-GRD-DMN for business rule tasks: every {@code camunda:decisionRef="<key>"} bound to
 * the latest (the default) or the process's deployment is bound instead to the approved
 * version in force, resolved when the task runs. So {@code initial-certification}'s
 * audit-time task, and every process added later, never evaluates a table that has not
 * passed its cases and a second quality manager, without anything in the BPMN. A task
 * that names a version ({@code decisionRefBinding="version"}, e.g. {@code ${...}}) or a
 * dynamic key is left as modelled.
 *
 * <p>
 * A process engine plugin adding a BPMN parse listener (the engine's documented extension
 * point); the listener rebuilds the task's behaviour from the same attributes the parser
 * read, with a version binding.
 */
@Component
class ApprovedDecisionBinding extends AbstractProcessEnginePlugin {

	private final ObjectProvider<ApprovedDecisions> approvedDecisions;

	ApprovedDecisionBinding(ObjectProvider<ApprovedDecisions> approvedDecisions) {
		this.approvedDecisions = approvedDecisions;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new BindToApprovedVersion());
	}

	private final class BindToApprovedVersion extends AbstractBpmnParseListener {

		@Override
		public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			if (!(activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior)) {
				return;
			}
			String key = attribute(element, "decisionRef");
			String binding = attribute(element, "decisionRefBinding");
			if (key == null || key.contains("{")
					|| !(binding == null || "latest".equals(binding) || "deployment".equals(binding))) {
				return;
			}
			BaseCallableElement decision = new BaseCallableElement();
			decision.setDefinitionKeyValueProvider(new ConstantValueProvider(key));
			decision.setBinding(CallableElementBinding.VERSION);
			decision.setVersionValueProvider(new ApprovedVersion(key));
			activity.setActivityBehavior(new DmnBusinessRuleTaskActivityBehavior(decision,
					attribute(element, "resultVariable"),
					DecisionEvaluationUtil.getDecisionResultMapperForName(attribute(element, "mapDecisionResult"))));
		}

		private static String attribute(Element element, String name) {
			String value = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, name);
			return (value != null && !value.isBlank()) ? value.trim() : null;
		}

	}

	/** The approved version's number, looked up each time the task runs. */
	private final class ApprovedVersion implements ParameterValueProvider {

		private final String decisionKey;

		ApprovedVersion(String decisionKey) {
			this.decisionKey = decisionKey;
		}

		@Override
		public Object getValue(VariableScope variableScope) {
			return ApprovedDecisionBinding.this.approvedDecisions.getObject().inForce(this.decisionKey).version();
		}

		@Override
		public boolean isDynamic() {
			return true;
		}

	}

}
