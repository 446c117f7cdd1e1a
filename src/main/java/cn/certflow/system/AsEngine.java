package cn.certflow.system;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that the application makes on its own behalf (starting a
 * certificate's lifecycle when a decision issues it, correlating a request our API has
 * already authorised) without the user's Camunda authorizations: the caller has checked
 * who may do it, and the records name that user.
 */
@Component
public class AsEngine {

	private final IdentityService identity;

	AsEngine(IdentityService identity) {
		this.identity = identity;
	}

	public <T> T call(Supplier<T> work) {
		Authentication previous = this.identity.getCurrentAuthentication();
		this.identity.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (previous != null) {
				this.identity.setAuthentication(previous);
			}
		}
	}

	/**
	 * {@link #call} for a person the caller has authorised (a client account in its
	 * portal): the engine checks no authorization, and every record the work writes names
	 * {@code userId} as who acted ({@link CurrentUser}).
	 */
	public <T> T callFor(String userId, Supplier<T> work) {
		return CurrentUser.onBehalfOf(userId, () -> call(work));
	}

	public void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

}
