package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The public lookup's rate limit (R-CERT-2, issue 15): at most N requests per source in
 * any minute.
 */
class SlidingWindowLimitTest {

	private final LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock();

	private final SlidingWindowLimit limit = new SlidingWindowLimit(60, Duration.ofMinutes(1), this.clock);

	@Test
	void shouldAllowSixtyInAnyMinuteAndSayWhenTheNextOneMayCome() {
		for (int i = 0; i < 60; i++) {
			assertThat(this.limit.acquire("203.0.113.7")).isZero();
			this.clock.move(Duration.ofMillis(500));
		}
		// the first request was 30 s ago
		assertThat(this.limit.acquire("203.0.113.7")).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.limit.acquire("198.51.100.20")).as("another source").isZero();
		this.clock.move(Duration.ofSeconds(30));
		assertThat(this.limit.acquire("203.0.113.7")).as("the oldest request left the window").isZero();
		assertThat(this.limit.acquire("203.0.113.7")).isPositive();
	}

	@Test
	void shouldNeverRefuseAPersonLookingUpACertificateEverySecond() {
		for (int i = 0; i < 600; i++) {
			assertThat(this.limit.acquire("198.51.100.20")).isZero();
			this.clock.move(Duration.ofSeconds(1));
		}
	}

}
