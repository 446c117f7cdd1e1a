package cn.certflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * The simulated body's people (or job executor threads) working at once: the items of a
 * round are split by a group (a process instance), each group done by one worker in
 * order. An item that collides with another in the same process tree (the engine's
 * optimistic lock, its transaction rolled back) is returned, to be done again alone. With
 * one thread everything runs in turn on the caller's.
 */
final class Workers {

	private final ExecutorService pool;

	Workers(int threads) {
		this.pool = (threads > 1) ? Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "simulated-worker");
			thread.setDaemon(true);
			return thread;
		}) : null;
	}

	/** Does every item; returns those that collided. */
	<T> List<T> doAll(List<T> items, Function<T, String> group, Consumer<T> work) {
		List<T> collided = Collections.synchronizedList(new ArrayList<>());
		if (this.pool == null) {
			for (T item : items) {
				attempt(item, work, collided);
			}
			return collided;
		}
		Map<String, List<T>> groups = items.stream()
			.collect(Collectors.groupingBy((item) -> String.valueOf(group.apply(item)), LinkedHashMap::new,
					Collectors.toList()));
		List<Callable<Void>> jobs = new ArrayList<>();
		for (List<T> ofGroup : groups.values()) {
			jobs.add(() -> {
				ofGroup.forEach((item) -> attempt(item, work, collided));
				return null;
			});
		}
		try {
			for (Future<Void> result : this.pool.invokeAll(jobs)) {
				result.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		return collided;
	}

	private static <T> void attempt(T item, Consumer<T> work, List<T> collided) {
		try {
			work.accept(item);
		}
		catch (OptimisticLockingException ex) {
			collided.add(item);
		}
	}

}
