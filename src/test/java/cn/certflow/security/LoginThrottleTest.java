package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 3: wrong passwords slow the guesser down per source, and never lock the
 * owner out elsewhere.
 */
class LoginThrottleTest {

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottle.Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(15)),
			new LoginThrottle.Policy(20, Duration.ofSeconds(1), Duration.ofMinutes(15)), Duration.ofHours(1),
			this.clock);

	@Test
	void shouldLetFiveFailuresPassThenBlockWithDelaysThatDoubleUpToTheMaximum() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.throttle.retryAfter("10.0.0.9", "admin")).isZero();
			this.throttle.failed("10.0.0.9", "admin");
		}
		assertThat(this.throttle.retryAfter("10.0.0.9", "admin")).as("five typos cost nothing").isZero();

		long[] expected = { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900 };
		for (long seconds : expected) {
			this.throttle.failed("10.0.0.9", "admin");
			assertThat(this.throttle.retryAfter("10.0.0.9", "admin")).isEqualTo(Duration.ofSeconds(seconds));
			this.clock.move(Duration.ofSeconds(seconds));
			assertThat(this.throttle.retryAfter("10.0.0.9", "admin")).isZero();
		}
	}

	@Test
	void shouldNeverHoldTheOwnerBackFromAnotherAddress() {
		for (int i = 0; i < 50; i++) {
			this.throttle.failed("203.0.113.7", "admin");
		}
		assertThat(this.throttle.retryAfter("203.0.113.7", "admin")).isPositive();
		assertThat(this.throttle.retryAfter("198.51.100.20", "admin")).as("the owner, elsewhere").isZero();
	}

	@Test
	void shouldHoldBackASourceTryingManyAccountsOnceItsOwnFreeFailuresAreSpent() {
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("203.0.113.7", "user" + i);
		}
		assertThat(this.throttle.retryAfter("203.0.113.7", "someone-else")).isZero();
		this.throttle.failed("203.0.113.7", "user20");
		assertThat(this.throttle.retryAfter("203.0.113.7", "someone-else")).as("every account from that source")
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.retryAfter("198.51.100.20", "someone-else")).isZero();
	}

	@Test
	void shouldForgiveTheAccountsFailuresAtASuccessButNotTheSources() {
		for (int i = 0; i < 5; i++) {
			this.throttle.failed("10.0.0.9", "reviewer");
		}
		this.throttle.succeeded("10.0.0.9", "reviewer");
		this.throttle.failed("10.0.0.9", "reviewer");
		assertThat(this.throttle.retryAfter("10.0.0.9", "reviewer")).as("counting starts again").isZero();

		// an attacker with an account of its own cannot reset its source's count by
		// logging in between guesses
		for (int i = 0; i < 21; i++) {
			this.throttle.failed("203.0.113.7", "victim" + i);
		}
		this.throttle.succeeded("203.0.113.7", "mallory");
		assertThat(this.throttle.retryAfter("203.0.113.7", "victim99")).isPositive();
	}

	@Test
	void shouldForgetFailuresAfterAnHourWithoutOne() {
		for (int i = 0; i < 7; i++) {
			this.throttle.failed("10.0.0.9", "admin");
		}
		this.clock.move(Duration.ofMinutes(61));
		this.throttle.failed("10.0.0.9", "admin");
		assertThat(this.throttle.retryAfter("10.0.0.9", "admin")).isZero();
	}

	@Test
	void shouldLiftEverySourcesDelayOnTheAccountWhenAnAdministratorUnlocksIt() {
		for (int i = 0; i < 8; i++) {
			this.throttle.failed("10.0.0.9", "Reviewer");
			this.throttle.failed("10.0.0.10", "reviewer");
			this.throttle.failed("10.0.0.10", "other");
		}
		this.throttle.forgetAccount("reviewer");
		assertThat(this.throttle.retryAfter("10.0.0.9", "reviewer")).isZero();
		assertThat(this.throttle.retryAfter("10.0.0.10", "reviewer")).isZero();
		assertThat(this.throttle.retryAfter("10.0.0.10", "other")).as("another account stays held back").isPositive();
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-03-10T01:00:00Z");

		void move(Duration by) {
			this.now = this.now.plus(by);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
