package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 3: passwords hashed with PBKDF2, the cost carried with each hash, older
 * hashes recognised.
 */
class PasswordHashingTest {

	private final PasswordHashing hashing = new PasswordHashing(1000);

	@Test
	void shouldHashWithASaltAndTheIterationCount() {
		String first = this.hashing.encrypt("Geheim-Passw0rd");
		String second = this.hashing.encrypt("Geheim-Passw0rd");

		assertThat(first).startsWith("1000$").isNotEqualTo(second).matches("1000\\$[0-9a-f]{96}");
		assertThat(this.hashing.check("Geheim-Passw0rd", first)).isTrue();
		assertThat(this.hashing.check("Geheim-Passw0rd", second)).isTrue();
		assertThat(this.hashing.check("geheim-Passw0rd", first)).isFalse();
		assertThat(this.hashing.hashAlgorithmName()).isEqualTo("PBKDF2-SHA256");
	}

	@Test
	void shouldCheckAHashMadeWithAnotherIterationCountAndCallItOutdatedWhenCheaper() {
		String older = new PasswordHashing(500).encrypt("Geheim-Passw0rd");
		String costlier = new PasswordHashing(2000).encrypt("Geheim-Passw0rd");

		assertThat(this.hashing.check("Geheim-Passw0rd", older)).isTrue();
		assertThat(this.hashing.isOutdated("{PBKDF2-SHA256}" + older)).isTrue();
		assertThat(this.hashing.isOutdated("{PBKDF2-SHA256}" + costlier)).isFalse();
		assertThat(this.hashing.isOutdated("{PBKDF2-SHA256}" + this.hashing.encrypt("x"))).isFalse();
		assertThat(this.hashing.isOutdated("{SHA-512}2oJ1...")).as("Camunda's default hash").isTrue();
	}

	@Test
	void shouldRefuseAMalformedOrAbsurdlyCostlyStoredHash() {
		assertThat(this.hashing.check("x", "")).isFalse();
		assertThat(this.hashing.check("x", "abc$00")).isFalse();
		assertThat(this.hashing.check("x", "999999999$00")).as("a forged cost would burn the CPU").isFalse();
	}

	@Test
	void shouldRememberAVerifiedPasswordOnlyForItsStoredHashAndOnlyForAWhile() {
		LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock();
		VerifiedPasswords verified = new VerifiedPasswords(Duration.ofMinutes(5), clock);
		verified.verified("reviewer", "Right-Passw0rd", "{PBKDF2-SHA256}1000$aa");

		assertThat(verified.recentlyVerified("reviewer", "Right-Passw0rd", "{PBKDF2-SHA256}1000$aa")).isTrue();
		assertThat(verified.recentlyVerified("reviewer", "Wrong-Passw0rd", "{PBKDF2-SHA256}1000$aa")).isFalse();
		assertThat(verified.recentlyVerified("reviewer", "Right-Passw0rd", "{PBKDF2-SHA256}1000$bb"))
			.as("the password was changed since")
			.isFalse();
		assertThat(verified.recentlyVerified("auditor", "Right-Passw0rd", "{PBKDF2-SHA256}1000$aa")).isFalse();
		clock.move(Duration.ofMinutes(5));
		assertThat(verified.recentlyVerified("reviewer", "Right-Passw0rd", "{PBKDF2-SHA256}1000$aa")).isFalse();
	}

}
