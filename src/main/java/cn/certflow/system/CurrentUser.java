package cn.certflow.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the authenticated user of the current engine command, else the task's
 * assignee, else the system.
 */
@Component
public class CurrentUser {

	public static final String SYSTEM = "system";

	private final IdentityService identityService;

	CurrentUser(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String id() {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		return (authentication != null && authentication.getUserId() != null) ? authentication.getUserId() : SYSTEM;
	}

	/**
	 * The person completing or being assigned the task: the caller if known, else the
	 * assignee.
	 */
	public String id(DelegateTask task) {
		String caller = id();
		if (!SYSTEM.equals(caller)) {
			return caller;
		}
		return (task.getAssignee() != null) ? task.getAssignee() : SYSTEM;
	}

}
