package cn.certflow.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting: the authenticated user of the current engine command, else the person
 * the application acts for ({@link AsEngine#callFor}: a client account, whose own Camunda
 * authorizations are not used), else the task's assignee, else the system.
 */
@Component
public class CurrentUser {

	public static final String SYSTEM = "system";

	private static final ThreadLocal<String> ON_BEHALF_OF = new ThreadLocal<>();

	private final IdentityService identityService;

	CurrentUser(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String id() {
		Authentication authentication = this.identityService.getCurrentAuthentication();
		if (authentication != null && authentication.getUserId() != null) {
			return authentication.getUserId();
		}
		String onBehalfOf = ON_BEHALF_OF.get();
		return (onBehalfOf != null) ? onBehalfOf : SYSTEM;
	}

	/**
	 * Runs {@code work} with {@link #id()} answering {@code userId} where no one is
	 * authenticated.
	 */
	static <T> T onBehalfOf(String userId, Supplier<T> work) {
		String previous = ON_BEHALF_OF.get();
		ON_BEHALF_OF.set(userId);
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				ON_BEHALF_OF.set(previous);
			}
			else {
				ON_BEHALF_OF.remove();
			}
		}
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
