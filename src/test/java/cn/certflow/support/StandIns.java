package cn.certflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The Spring beans a model calls by {@code camunda:delegateExpression="${bean}"}, stood
 * in for with {@link Mocks#register} when a test is about the flow: each records its call
 * ({@code bean} for a delegate, {@code bean:event} for a listener) and, where given,
 * writes what the real bean writes for the case the test walks. What the real beans check
 * and record is tested with their services. {@link ProcessTestEngine} drops them after
 * each test.
 */
public final class StandIns {

	private final List<String> calls = new ArrayList<>();

	/**
	 * Beans that only record their call (each works as a delegate, a task listener and an
	 * execution listener).
	 */
	public StandIns record(String... beans) {
		for (String bean : beans) {
			Mocks.register(bean, new Recorder(bean, (task) -> {
			}, (execution) -> {
			}));
		}
		return this;
	}

	/**
	 * Beans that do nothing and record nothing: checks of other concerns (competence,
	 * credit checks, client accounts) that a test of the flow leaves to their own tests.
	 */
	public StandIns silent(String... beans) {
		for (String bean : beans) {
			Mocks.register(bean, new Silent());
		}
		return this;
	}

	private static final class Silent implements JavaDelegate, TaskListener, ExecutionListener {

		@Override
		public void execute(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateExecution execution) {
		}

		@Override
		public void notify(DelegateTask task) {
		}

	}

	/** A task listener that records its call and runs {@code body}. */
	public StandIns task(String bean, Consumer<DelegateTask> body) {
		Mocks.register(bean, new Recorder(bean, body, (execution) -> {
		}));
		return this;
	}

	/** A delegate or execution listener that records its call and runs {@code body}. */
	public StandIns execution(String bean, Consumer<DelegateExecution> body) {
		Mocks.register(bean, new Recorder(bean, (task) -> {
		}, body));
		return this;
	}

	/** The calls so far, in order. */
	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	public void clear() {
		this.calls.clear();
	}

	private final class Recorder implements JavaDelegate, TaskListener, ExecutionListener {

		private final String bean;

		private final Consumer<DelegateTask> onTask;

		private final Consumer<DelegateExecution> onExecution;

		Recorder(String bean, Consumer<DelegateTask> onTask, Consumer<DelegateExecution> onExecution) {
			this.bean = bean;
			this.onTask = onTask;
			this.onExecution = onExecution;
		}

		@Override
		public void execute(DelegateExecution execution) {
			StandIns.this.calls.add(this.bean);
			this.onExecution.accept(execution);
		}

		@Override
		public void notify(DelegateExecution execution) {
			StandIns.this.calls.add(this.bean + ":" + execution.getEventName());
			this.onExecution.accept(execution);
		}

		@Override
		public void notify(DelegateTask task) {
			StandIns.this.calls.add(this.bean + ":" + task.getEventName());
			this.onTask.accept(task);
		}

	}

}
