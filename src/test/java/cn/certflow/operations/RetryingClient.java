package cn.certflow.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.document.DocumentType;
import cn.certflow.operations.CertFlowHttp.TaskStep;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;

/**
 * A client of CertFlow as a sensible integration is written: a step the server could not
 * serve (a 5xx answer, or no answer at all) is tried again after a pause, and before each
 * new try the client looks whether the earlier try was committed after all (its answer
 * lost on the way), so that a retried step never does its work twice: an application is
 * looked up by the client's credit code, a document by its type, a task completion by the
 * task being gone. A 4xx answer is not retried: it is a refusal, and the step fails.
 * Every try of every step is counted in a {@link Tally} shared by the client threads.
 */
final class RetryingClient {

	private static final Duration PAUSE = Duration.ofMillis(250);

	private final CertFlowHttp http;

	private final Tally tally;

	private final Duration giveUpAfter;

	RetryingClient(CertFlowHttp http, Tally tally, Duration giveUpAfter) {
		this.http = http;
		this.tally = tally;
		this.giveUpAfter = giveUpAfter;
	}

	/**
	 * A whole initial certification, from the application to the decision to certify; its
	 * number.
	 */
	String certify(ApplicationRequest request) {
		String number = step("submit", () -> this.http.submit(request),
				() -> this.http.numberSubmittedFor(request.creditCode()));
		for (DocumentType type : DocumentType.values()) {
			if (type.mandatory()) {
				step("upload " + type, () -> {
					this.http.uploadDocument(number, type);
					return Boolean.TRUE;
				}, () -> this.http.documentTypes(number).contains(type.name()) ? Boolean.TRUE : null);
			}
		}
		complete(CertFlowHttp.acceptStep(number));
		CertFlowHttp.toOnsiteAuditSteps(number).forEach(this::complete);
		CertFlowHttp.finishOnsiteAuditSteps(number).forEach(this::complete);
		complete(CertFlowHttp.certifyStep(number));
		return number;
	}

	void complete(TaskStep step) {
		step(step.taskKey(), () -> {
			this.http.complete(step);
			return Boolean.TRUE;
		}, () -> this.http.taskIds(step.user(), step.number(), step.taskKey()).isEmpty() ? Boolean.TRUE : null);
	}

	/**
	 * Runs a step until it succeeds: after a failed try, first asks {@code committed}
	 * (null: not done), then tries again.
	 */
	<T> T step(String what, Supplier<T> action, Supplier<T> committed) {
		long deadline = System.nanoTime() + this.giveUpAfter.toNanos();
		boolean retry = false;
		while (true) {
			Instant started = Instant.now();
			try {
				if (retry) {
					T done = committed.get();
					if (done != null) {
						this.tally.committedDespiteError(what);
						return done;
					}
				}
				T result = action.get();
				this.tally.succeeded(retry, started);
				return result;
			}
			catch (HttpServerErrorException | ResourceAccessException ex) {
				this.tally.failed(what, started, outcome(ex));
				if (System.nanoTime() > deadline) {
					throw new AssertionError("gave up on " + what + " after " + this.giveUpAfter, ex);
				}
				retry = true;
				Polling.sleep(PAUSE);
			}
			catch (RestClientResponseException ex) {
				this.tally.refused(what, ex.getStatusCode().value() + " " + ex.getResponseBodyAsString());
				throw ex;
			}
		}
	}

	private static String outcome(RuntimeException ex) {
		if (ex instanceof HttpServerErrorException server) {
			return String.valueOf(server.getStatusCode().value());
		}
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return "no answer (" + cause.getClass().getSimpleName() + ")";
	}

	/** What the client threads saw, counted per try of a step. */
	static final class Tally {

		final AtomicInteger succeededFirstTime = new AtomicInteger();

		final AtomicInteger succeededOnRetry = new AtomicInteger();

		/** Tries that failed (5xx or no answer), by outcome. */
		final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

		/** Steps whose failed try had been committed (found done before trying again). */
		final AtomicInteger committedDespiteError = new AtomicInteger();

		/** 4xx answers: refusals, never expected here. */
		final List<String> refusals = new CopyOnWriteArrayList<>();

		/** When the first failed try began. */
		final AtomicReference<Instant> firstFailure = new AtomicReference<>();

		/** When the last failed try began. */
		final AtomicReference<Instant> lastFailure = new AtomicReference<>();

		/**
		 * The longest try of a step, in milliseconds (a step may wait for a database
		 * connection).
		 */
		final AtomicLong longestTry = new AtomicLong();

		void succeeded(boolean onRetry, Instant started) {
			(onRetry ? this.succeededOnRetry : this.succeededFirstTime).incrementAndGet();
			this.longestTry.accumulateAndGet(Duration.between(started, Instant.now()).toMillis(), Math::max);
		}

		void failed(String what, Instant started, String outcome) {
			this.longestTry.accumulateAndGet(Duration.between(started, Instant.now()).toMillis(), Math::max);
			this.failures.computeIfAbsent(outcome, (key) -> new AtomicInteger()).incrementAndGet();
			this.firstFailure.accumulateAndGet(started,
					(first, next) -> (first == null || next.isBefore(first)) ? next : first);
			this.lastFailure.accumulateAndGet(started,
					(last, next) -> (last == null || next.isAfter(last)) ? next : last);
		}

		void committedDespiteError(String what) {
			this.committedDespiteError.incrementAndGet();
		}

		void refused(String what, String answer) {
			this.refusals.add(what + ": " + answer);
		}

		int failedTries() {
			return this.failures.values().stream().mapToInt(AtomicInteger::get).sum();
		}

		Map<String, Integer> failuresByOutcome() {
			Map<String, Integer> byOutcome = new TreeMap<>();
			this.failures.forEach((outcome, count) -> byOutcome.put(outcome, count.get()));
			return byOutcome;
		}

	}

}
