package cn.certflow.security;

import java.util.List;

import cn.certflow.system.AsEngine;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A client task (candidate group {@link Groups#CLIENTS}, issue 18 point 3) is done by the
 * client in the portal; reviewers and lead auditors see it in Tasklist (filter 客户待办),
 * read-only: each gets READ on that one task, which the engine deletes with the task.
 * Called from the task's create listener, on the engine's behalf.
 */
@Component
public class ClientTaskVisibility {

	/** The staff groups that follow what the client still owes. */
	static final List<String> WATCHERS = List.of(Groups.REVIEWERS, Groups.LEAD_AUDITORS);

	private final AuthorizationService authorizations;

	private final AsEngine asEngine;

	ClientTaskVisibility(AuthorizationService authorizations, AsEngine asEngine) {
		this.authorizations = authorizations;
		this.asEngine = asEngine;
	}

	public void showToStaff(DelegateTask task) {
		this.asEngine.run(() -> {
			for (String group : WATCHERS) {
				Authorization read = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				read.setGroupId(group);
				read.setResource(Resources.TASK);
				read.setResourceId(task.getId());
				read.addPermission(Permissions.READ);
				this.authorizations.saveAuthorization(read);
			}
		});
	}

}
