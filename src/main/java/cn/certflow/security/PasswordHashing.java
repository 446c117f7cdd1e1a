package cn.certflow.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

/**
 * Passwords hashed with PBKDF2-HMAC-SHA256 (spring-security-crypto's
 * {@link Pbkdf2PasswordEncoder}: a 16-byte salt of its own, a 256-bit hash, a
 * constant-time comparison) behind Camunda's PasswordEncryptor SPI (issue 15 point 3).
 * Camunda stores the result in ACT_ID_USER.PWD_ as
 * {@code {PBKDF2-SHA256}<iterations>$<hex salt and hash>}, beside its own salt (SALT_,
 * appended to the password before hashing). The iteration count travels with every hash:
 * raising {@code certflow.passwords.pbkdf2-iterations} keeps older hashes valid, and
 * {@link AccountIdentityProvider} hashes a password anew at its owner's next login when
 * {@link #isOutdated} says so (Camunda's SHA-512, or fewer iterations).
 */
class PasswordHashing implements PasswordEncryptor {

	static final String ALGORITHM = "PBKDF2-SHA256";

	static final String PREFIX = "{" + ALGORITHM + "}";

	private static final int SALT_BYTES = 16;

	/**
	 * Above this a stored count is taken for a forgery meant to make a login burn the
	 * CPU.
	 */
	private static final int MAX_ITERATIONS = 10_000_000;

	private final int iterations;

	private final Map<Integer, Pbkdf2PasswordEncoder> encoders = new ConcurrentHashMap<>();

	PasswordHashing(int iterations) {
		if (iterations < 1 || iterations > MAX_ITERATIONS) {
			throw new IllegalArgumentException(
					"certflow.passwords.pbkdf2-iterations must be between 1 and " + MAX_ITERATIONS + ": " + iterations);
		}
		this.iterations = iterations;
	}

	@Override
	public String encrypt(String password) {
		return this.iterations + "$" + encoder(this.iterations).encode(password);
	}

	@Override
	public boolean check(String password, String encrypted) {
		int separator = encrypted.indexOf('$');
		Integer stored = iterationsOf(encrypted);
		if (stored == null) {
			return false;
		}
		return encoder(stored).matches(password, encrypted.substring(separator + 1));
	}

	@Override
	public String hashAlgorithmName() {
		return ALGORITHM;
	}

	int iterations() {
		return this.iterations;
	}

	/**
	 * Whether a stored PWD_ value ({algorithm} prefix included) is to be hashed anew:
	 * other algorithm or cost.
	 */
	boolean isOutdated(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return true;
		}
		Integer count = iterationsOf(stored.substring(PREFIX.length()));
		return count == null || count < this.iterations;
	}

	private static Integer iterationsOf(String encrypted) {
		int separator = encrypted.indexOf('$');
		if (separator < 1 || separator > 8) {
			return null;
		}
		try {
			int count = Integer.parseInt(encrypted.substring(0, separator));
			return (count >= 1 && count <= MAX_ITERATIONS) ? count : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private Pbkdf2PasswordEncoder encoder(int count) {
		return this.encoders.computeIfAbsent(count,
				c -> new Pbkdf2PasswordEncoder("", SALT_BYTES, c, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256));
	}

}
