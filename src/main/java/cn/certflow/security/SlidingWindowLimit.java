package cn.certflow.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} requests per key in any {@code window} (a sliding log: the times
 * of the last {@code limit} requests of each key). In memory; keys idle for a whole
 * window are dropped at most once per window.
 */
class SlidingWindowLimit {

	private final int limit;

	private final Duration window;

	private final Clock clock;

	private final Map<String, ArrayDeque<Long>> requests = new ConcurrentHashMap<>();

	private volatile long nextSweep = Long.MIN_VALUE;

	SlidingWindowLimit(int limit, Duration window, Clock clock) {
		if (limit < 1 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("a rate limit needs at least one request per positive window");
		}
		this.limit = limit;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Takes one request for the key: zero when it may go ahead, else how long until it
	 * would.
	 */
	Duration acquire(String key) {
		long now = this.clock.millis();
		long windowMillis = this.window.toMillis();
		sweep(now, windowMillis);
		long[] wait = { 0 };
		this.requests.compute(key, (k, times) -> {
			ArrayDeque<Long> log = (times != null) ? times : new ArrayDeque<>();
			while (!log.isEmpty() && log.peekFirst() <= now - windowMillis) {
				log.pollFirst();
			}
			if (log.size() >= this.limit) {
				wait[0] = log.peekFirst() + windowMillis - now;
			}
			else {
				log.addLast(now);
			}
			return log;
		});
		return Duration.ofMillis(wait[0]);
	}

	private void sweep(long now, long windowMillis) {
		if (now < this.nextSweep) {
			return;
		}
		this.nextSweep = now + windowMillis;
		for (String key : this.requests.keySet()) {
			this.requests.computeIfPresent(key, (k, log) -> {
				Long last = log.peekLast();
				return (last == null || last <= now - windowMillis) ? null : log;
			});
		}
	}

}
