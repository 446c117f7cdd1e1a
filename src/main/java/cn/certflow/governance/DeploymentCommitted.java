package cn.certflow.governance;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * R-GRD-DMN: a signed-in user's deployment (Modeler's deploy button,
 * {@code POST /engine-rest/deployment/create}) is checked as soon as it commits, before
 * the deploy call returns; a deleted deployment of the version in force is withdrawn as
 * soon. The hook is public API: the engine writes a user operation log entry "Create
 * Deployment" in the deploying transaction, and the Camunda Spring Boot starter's event
 * bridge ({@code camunda.bpm.eventing.history}, on by default) publishes it as a Spring
 * event; after the commit the check runs on a thread of its own (a listener called after
 * commit would otherwise still be inside the finished transaction) and the caller waits
 * for it.
 */
@Component
class DeploymentCommitted {

	private final NewDecisionVersions newVersions;

	DeploymentCommitted(NewDecisionVersions newVersions) {
		this.newVersions = newVersions;
	}

	@TransactionalEventListener
	public void onOperation(UserOperationLogEntry entry) {
		if (EntityTypes.DEPLOYMENT.equals(entry.getEntityType())
				&& (UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(entry.getOperationType())
						|| UserOperationLogEntry.OPERATION_TYPE_DELETE.equals(entry.getOperationType()))) {
			this.newVersions.checkAfterDeployment();
		}
	}

}
