package cn.certflow.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * What each group may do in the engine and the webapps. Task visibility itself comes from
 * candidate groups/users (the engine grants a task's candidates access to it), so a group
 * sees exactly the tasks routed to it.
 */
@Component
class AuthorizationSetup {

	private final AuthorizationService authorizations;

	private final CertificationEntry certification;

	AuthorizationSetup(AuthorizationService authorizations, CertificationEntry certification) {
		this.authorizations = authorizations;
		this.certification = certification;
	}

	/** The certification process the grants and filters are about. */
	CertificationEntry certification() {
		return this.certification;
	}

	void apply() {
		for (String group : Groups.ALL) {
			grant(group, Resources.APPLICATION, "tasklist", ACCESS);
		}
		// Reviewers register applications (REST or Tasklist start form).
		grant(Groups.REVIEWERS, Resources.PROCESS_DEFINITION, this.certification.processKey(), READ, CREATE_INSTANCE);
		grant(Groups.REVIEWERS, Resources.PROCESS_INSTANCE, "*", CREATE);
		// Client accounts (issue 18) apply in the portal, which starts the process as
		// Tasklist's start form does; they have no webapp and no engine REST API
		// (ClientAccountsKeptOut, RestAuthentication).
		grant(Groups.CLIENTS, Resources.PROCESS_DEFINITION, this.certification.processKey(), READ, CREATE_INSTANCE);
		grant(Groups.CLIENTS, Resources.PROCESS_INSTANCE, "*", CREATE);
		// Managers watch everything in Cockpit, read-only.
		grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", ACCESS);
		grant(Groups.MANAGERS, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY, READ_INSTANCE, READ_TASK);
		grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, "*", READ);
		grant(Groups.MANAGERS, Resources.TASK, "*", READ);
		grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY);
		grant(Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
		grant(Groups.MANAGERS, Resources.DEPLOYMENT, "*", READ);
		// Quality managers own the grading and audit-time tables: deploy, read, evaluate
		// (R-GRD-DMN). DMN only
		// (DecisionTableDeploymentsOnly); no DELETE: a deployment removed would take the
		// processes, or the table
		// versions that scores and certificates cite, with it; a wrong table is corrected
		// by deploying a new version.
		grant(Groups.QUALITY_MANAGERS, Resources.APPLICATION, "cockpit", ACCESS);
		grant(Groups.QUALITY_MANAGERS, Resources.DEPLOYMENT, "*", CREATE, READ);
		grant(Groups.QUALITY_MANAGERS, Resources.DECISION_DEFINITION, "*", READ, UPDATE, CREATE_INSTANCE, READ_HISTORY);
		grant(Groups.QUALITY_MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ);
		grant(Groups.QUALITY_MANAGERS, Resources.PROCESS_DEFINITION, "*", READ, READ_HISTORY);
		grant(Groups.DECISION_MAKERS, Resources.DECISION_DEFINITION, "*", READ, CREATE_INSTANCE);
		// Administrators: everything.
		for (Resources resource : Resources.values()) {
			grant(Groups.ADMINS, resource, "*", ALL);
		}
	}

	void grantFilter(String filterId, String group) {
		grant(group, Resources.FILTER, filterId, READ);
	}

	/**
	 * Exactly these permissions (also on a database set up by an earlier version, whose
	 * grants may have been wider).
	 */
	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization existing = this.authorizations.createAuthorizationQuery()
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.singleResult();
		Authorization authorization = (existing != null) ? existing
				: this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		authorization.setPermissions(permissions);
		this.authorizations.saveAuthorization(authorization);
	}

}
