package cn.certflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down without letting a stranger lock anyone out (issue 15 point
 * 3). Wrong passwords are counted per source address and account, and per source address
 * alone; past a number of free failures each new one blocks that key for a delay that
 * doubles up to a maximum, and a key forgets its failures after a quiet period. A blocked
 * key is answered 429 before any password is checked. Nothing is counted per account
 * alone: the owner logging in from another address is never slowed down by someone else's
 * guesses. A successful login clears its source + account key (not the source's: an
 * attacker with an account of its own must not reset it); an administrator's unlock
 * clears every key of the account.
 * <p>
 * In memory, per node: with N nodes behind a balancer that spreads requests, an attacker
 * gets up to N times the free failures and each node's delays; an unlock clears the node
 * that served it, the others forget by themselves.
 */
@Component
class LoginThrottle {

	/**
	 * When a key is blocked: after {@code freeFailures}, {@code firstDelay} doubling with
	 * each failure, at most {@code maxDelay}.
	 */
	record Policy(int freeFailures, Duration firstDelay, Duration maxDelay) {

		Duration delayAfter(int failures) {
			if (failures <= this.freeFailures) {
				return Duration.ZERO;
			}
			int doublings = Math.min(failures - this.freeFailures - 1, 30);
			long millis = this.firstDelay.toMillis() << doublings;
			return (millis <= 0 || millis > this.maxDelay.toMillis()) ? this.maxDelay : Duration.ofMillis(millis);
		}

	}

	/**
	 * A source address with an account ({@code account} set), or the source address
	 * alone.
	 */
	private record Key(String source, String account) {
	}

	private static final class Failures {

		int count;

		Instant last;

		Instant blockedUntil;

	}

	/**
	 * Beyond this many keys, new source + account keys are no longer kept (the source's
	 * own key always is).
	 */
	static final int MAX_KEYS = 100_000;

	private final Policy perAccount;

	private final Policy perSource;

	private final Duration forgetAfter;

	private final Clock clock;

	private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

	private volatile Instant nextSweep = Instant.MIN;

	@Autowired
	LoginThrottle(@Value("${certflow.login-throttle.per-account.free-failures:5}") int accountFree,
			@Value("${certflow.login-throttle.per-account.first-delay:PT1S}") Duration accountFirst,
			@Value("${certflow.login-throttle.per-account.max-delay:PT15M}") Duration accountMax,
			@Value("${certflow.login-throttle.per-source.free-failures:20}") int sourceFree,
			@Value("${certflow.login-throttle.per-source.first-delay:PT1S}") Duration sourceFirst,
			@Value("${certflow.login-throttle.per-source.max-delay:PT15M}") Duration sourceMax,
			@Value("${certflow.login-throttle.forget-after:PT1H}") Duration forgetAfter) {
		this(new Policy(accountFree, accountFirst, accountMax), new Policy(sourceFree, sourceFirst, sourceMax),
				forgetAfter, Clock.systemUTC());
	}

	LoginThrottle(Policy perAccount, Policy perSource, Duration forgetAfter, Clock clock) {
		this.perAccount = perAccount;
		this.perSource = perSource;
		this.forgetAfter = forgetAfter;
		this.clock = clock;
	}

	/**
	 * How long this source must wait before trying a password for this account again;
	 * zero when it may now.
	 */
	Duration retryAfter(String source, String account) {
		Instant now = this.clock.instant();
		Duration wait = remaining(new Key(source, null), now);
		Duration accountWait = remaining(new Key(source, normalized(account)), now);
		return (accountWait.compareTo(wait) > 0) ? accountWait : wait;
	}

	/** A wrong password (or unknown account) from this source. */
	void failed(String source, String account) {
		Instant now = this.clock.instant();
		sweep(now);
		record(new Key(source, null), this.perSource, now);
		Key key = new Key(source, normalized(account));
		if (this.failures.size() < MAX_KEYS || this.failures.containsKey(key)) {
			record(key, this.perAccount, now);
		}
	}

	/** The right password from this source: its failures on this account are forgiven. */
	void succeeded(String source, String account) {
		this.failures.remove(new Key(source, normalized(account)));
	}

	/** An administrator unlocked the account: no source is held back on it any more. */
	void forgetAccount(String account) {
		String normalized = normalized(account);
		this.failures.keySet().removeIf(k -> normalized.equals(k.account()));
	}

	private void record(Key key, Policy policy, Instant now) {
		this.failures.compute(key, (k, f) -> {
			Failures next = (f == null || forgotten(f, now)) ? new Failures() : f;
			next.count++;
			next.last = now;
			Duration delay = policy.delayAfter(next.count);
			next.blockedUntil = delay.isZero() ? null : now.plus(delay);
			return next;
		});
	}

	private Duration remaining(Key key, Instant now) {
		Failures f = this.failures.get(key);
		if (f == null || f.blockedUntil == null || !f.blockedUntil.isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, f.blockedUntil);
	}

	private boolean forgotten(Failures f, Instant now) {
		return f.last.plus(this.forgetAfter).isBefore(now) && (f.blockedUntil == null || !f.blockedUntil.isAfter(now));
	}

	/** Drops forgotten keys, at most once a minute. */
	private void sweep(Instant now) {
		if (now.isBefore(this.nextSweep)) {
			return;
		}
		this.nextSweep = now.plusSeconds(60);
		this.failures.values().removeIf(f -> forgotten(f, now));
	}

	private static String normalized(String account) {
		return (account != null) ? account.toLowerCase(Locale.ROOT) : "";
	}

}
