package cn.certflow.operations;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waiting for something to become true, with a deadline: no fixed sleeps in the tests.
 */
final class Polling {

	private Polling() {
	}

	/**
	 * Returns the first non-null value the supplier gives before the deadline; fails
	 * naming what was awaited.
	 */
	static <T> T await(String what, Duration timeout, Supplier<T> value) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			T result = value.get();
			if (result != null && !Boolean.FALSE.equals(result)) {
				return result;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out after " + timeout + " waiting for " + what);
			}
			pause();
		}
	}

	/** A short pause between two looks. */
	static void pause() {
		sleep(Duration.ofMillis(50));
	}

	/** A pause, e.g. before a client tries a failed request again. */
	static void sleep(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
