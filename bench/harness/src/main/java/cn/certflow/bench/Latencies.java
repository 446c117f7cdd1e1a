package cn.certflow.bench;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, recorded by many threads; percentiles by sorting (the samples
 * are few thousand).
 */
final class Latencies {

	private long[] samples = new long[1024];

	private int count;

	synchronized void record(long nanos) {
		if (this.count == this.samples.length) {
			this.samples = Arrays.copyOf(this.samples, this.count * 2);
		}
		this.samples[this.count++] = nanos;
	}

	synchronized int count() {
		return this.count;
	}

	/** The p-th percentile (0..100) in milliseconds, nearest-rank. */
	synchronized double percentileMillis(double p) {
		if (this.count == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.samples, this.count);
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
	}

	double p50() {
		return percentileMillis(50);
	}

	double p99() {
		return percentileMillis(99);
	}

	/** Runs the action and records how long it took. */
	<T> T time(java.util.function.Supplier<T> action) {
		long start = System.nanoTime();
		try {
			return action.get();
		}
		finally {
			record(System.nanoTime() - start);
		}
	}

	void time(Runnable action) {
		long start = System.nanoTime();
		try {
			action.run();
		}
		finally {
			record(System.nanoTime() - start);
		}
	}

}
