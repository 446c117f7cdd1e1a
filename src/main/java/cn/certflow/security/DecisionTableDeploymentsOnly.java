package cn.certflow.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Quality managers change the grading and audit-time thresholds, not the processes
 * (R-GRD-DMN): they may deploy DMN tables, but no BPMN process, form or anything else.
 * Camunda's DEPLOYMENT permission cannot tell resources apart, so this engine plugin
 * checks every new deployment before the engine parses it: a user who is not a Camunda
 * administrator may deploy only DMN tables ({@code .dmn}) and their regression cases
 * ({@code <key>.cases.json}, data that nothing executes); otherwise the deployment is
 * refused with an AuthorizationException (403 through
 * {@code /engine-rest/deployment/create} and {@code …/redeploy}) and nothing is stored.
 * The application's own deployment at start-up runs without a user and is not affected.
 */
@Component
class DecisionTableDeploymentsOnly extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = new ArrayList<>();
		if (configuration.getCustomPreDeployers() != null) {
			deployers.addAll(configuration.getCustomPreDeployers());
		}
		deployers.add(0, new Check());
		configuration.setCustomPreDeployers(deployers);
	}

	/**
	 * What a quality manager may deploy: a DMN table, or the regression cases deployed
	 * beside it.
	 */
	static boolean mayBeDeployedByQualityManagers(String resourceName) {
		return resourceName.endsWith(".dmn") || resourceName.endsWith(".dmn11.xml")
				|| resourceName.endsWith(".cases.json");
	}

	static class Check implements Deployer {

		@Override
		public void deploy(DeploymentEntity deployment) {
			if (!deployment.isNew() || deployment.getResources() == null) {
				return; // a deployment read back into the cache, or an empty one
			}
			CommandContext command = Context.getCommandContext();
			Authentication user = command.getAuthentication();
			if (user == null || user.getUserId() == null || command.getAuthorizationManager().isCamundaAdmin(user)) {
				return;
			}
			List<String> refused = deployment.getResources()
				.values()
				.stream()
				.map(ResourceEntity::getName)
				.filter(name -> !mayBeDeployedByQualityManagers(name))
				.sorted()
				.toList();
			if (!refused.isEmpty()) {
				throw new AuthorizationException("user " + user.getUserId()
						+ " may deploy DMN decision tables (and their .cases.json) only (R-GRD-DMN); processes, forms"
						+ " and other resources are deployed by administrators: " + refused);
			}
		}

	}

}
