package cn.certflow.security;

import java.time.Duration;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * A login with a password on a page of our own (the client portal, issue 18): the same
 * {@link LoginThrottle} as every other way in (429-like wait before any password is
 * checked, a failure counted, a success forgiven) and the same password check
 * ({@link AccountIdentityProvider}) as Tasklist and HTTP Basic.
 */
@Component
public class PasswordLogin {

	/**
	 * The outcome: {@code ok}, or a wrong password, or {@code retryAfter} not zero when
	 * the source must wait first (nothing was checked).
	 */
	public record Outcome(boolean ok, Duration retryAfter) {

		public boolean throttled() {
			return !this.retryAfter.isZero();
		}

	}

	private final LoginThrottle throttle;

	private final IdentityService identity;

	PasswordLogin(LoginThrottle throttle, IdentityService identity) {
		this.throttle = throttle;
		this.identity = identity;
	}

	public Outcome attempt(String source, String userId, String password) {
		Duration wait = this.throttle.retryAfter(source, userId);
		if (!wait.isZero()) {
			return new Outcome(false, wait);
		}
		boolean ok = userId != null && !userId.isBlank() && password != null
				&& this.identity.checkPassword(userId, password);
		if (ok) {
			this.throttle.succeeded(source, userId);
		}
		else {
			this.throttle.failed(source, userId);
		}
		return new Outcome(ok, Duration.ZERO);
	}

	/** Seconds to show for a wait: whole, rounded up, at least one. */
	public static long seconds(Duration wait) {
		return ProblemResponse.seconds(wait);
	}

}
