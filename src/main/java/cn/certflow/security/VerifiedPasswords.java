package cn.certflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, that a user's password was just checked right against
 * their stored hash, so that a REST client sending HTTP Basic with every request pays the
 * slow hash (PBKDF2, about 0.1–0.4 s of CPU) once per period rather than once per
 * request. What is kept per user is an HMAC-SHA256, under a random key made at start and
 * never stored, of the password together with the stored hash it matched: no password,
 * and a changed password or upgraded hash no longer matches. Only successes are
 * remembered; a wrong password always takes the slow path (and the
 * {@link LoginThrottle}). In memory, per node, at most {@link #MAX_USERS} users.
 */
class VerifiedPasswords {

	static final int MAX_USERS = 10_000;

	private record Entry(byte[] mac, Instant until) {
	}

	private final Duration ttl;

	private final Clock clock;

	private final SecretKeySpec key;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	VerifiedPasswords(Duration ttl, Clock clock) {
		this.ttl = ttl;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	/** Whether this password was verified against this stored hash within the period. */
	boolean recentlyVerified(String userId, String password, String storedHash) {
		if (this.ttl.isZero()) {
			return false;
		}
		Entry entry = this.entries.get(userId);
		if (entry == null) {
			return false;
		}
		if (!entry.until().isAfter(this.clock.instant())) {
			this.entries.remove(userId, entry);
			return false;
		}
		return MessageDigest.isEqual(entry.mac(), mac(userId, password, storedHash));
	}

	void verified(String userId, String password, String storedHash) {
		if (this.ttl.isZero()) {
			return;
		}
		Instant now = this.clock.instant();
		if (this.entries.size() >= MAX_USERS) {
			this.entries.values().removeIf(e -> !e.until().isAfter(now));
			if (this.entries.size() >= MAX_USERS) {
				return;
			}
		}
		this.entries.put(userId, new Entry(mac(userId, password, storedHash), now.plus(this.ttl)));
	}

	private byte[] mac(String userId, String password, String storedHash) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			for (String part : new String[] { userId, password, storedHash }) {
				byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
				mac.update((byte) (bytes.length >>> 24));
				mac.update((byte) (bytes.length >>> 16));
				mac.update((byte) (bytes.length >>> 8));
				mac.update((byte) bytes.length);
				mac.update(bytes);
			}
			return mac.doFinal();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
