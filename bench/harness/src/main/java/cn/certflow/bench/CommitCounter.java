package cn.certflow.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the transactions the application commits, by wrapping its DataSource: a commit
 * after an insert, update or delete is a writing transaction (an engine step, or one of
 * our own writes), a commit without one a read-only transaction (every engine query is a
 * command in a transaction of its own); writes outside a transaction (auto-commit) are
 * counted apart. The engine, our repositories and the transaction manager all use this
 * one bean.
 */
final class CommitCounter implements BeanPostProcessor {

	static final LongAdder writeCommits = new LongAdder();

	static final LongAdder readCommits = new LongAdder();

	static final LongAdder rollbacks = new LongAdder();

	static final LongAdder autoCommitWrites = new LongAdder();

	record Snapshot(long writes, long reads, long rollbacks, long autoCommitWrites) {

		Snapshot minus(Snapshot before) {
			return new Snapshot(this.writes - before.writes, this.reads - before.reads,
					this.rollbacks - before.rollbacks, this.autoCommitWrites - before.autoCommitWrites);
		}

	}

	static Snapshot snapshot() {
		return new Snapshot(writeCommits.sum(), readCommits.sum(), rollbacks.sum(), autoCommitWrites.sum());
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
			return new Counting(dataSource);
		}
		return bean;
	}

	/**
	 * The application's DataSource, handing out counting connections; closes the pool
	 * with the context.
	 */
	static final class Counting extends DelegatingDataSource implements AutoCloseable {

		Counting(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return wrap(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return wrap(super.getConnection(username, password));
		}

		@Override
		public void close() throws Exception {
			if (getTargetDataSource() instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}

		private static Connection wrap(Connection connection) {
			return (Connection) Proxy.newProxyInstance(CommitCounter.class.getClassLoader(),
					new Class<?>[] { Connection.class }, new ConnectionHandler(connection));
		}

	}

	private static final class ConnectionHandler implements InvocationHandler {

		private final Connection target;

		/** A write ran since the last commit or rollback. */
		private boolean wrote;

		ConnectionHandler(Connection target) {
			this.target = target;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "commit" -> {
					(this.wrote ? writeCommits : readCommits).increment();
					this.wrote = false;
				}
				case "rollback" -> {
					if (args == null || args.length == 0) {
						rollbacks.increment();
						this.wrote = false;
					}
				}
				case "unwrap", "isWrapperFor" -> {
					return call(method, args);
				}
				default -> {
				}
			}
			Object result = call(method, args);
			if (result instanceof PreparedStatement statement && args != null && args.length > 0
					&& args[0] instanceof String sql) {
				return statementProxy(statement, PreparedStatement.class, isWrite(sql));
			}
			if (result instanceof Statement statement && !(result instanceof PreparedStatement)) {
				return statementProxy(statement, Statement.class, false);
			}
			return result;
		}

		private Object call(Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(this.target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

		private Object statementProxy(Statement statement, Class<?> type, boolean preparedWrite) {
			return Proxy.newProxyInstance(CommitCounter.class.getClassLoader(), new Class<?>[] { type },
					(proxy, method, args) -> {
						String name = method.getName();
						if (name.startsWith("execute")) {
							boolean write = preparedWrite || (args != null && args.length > 0
									&& args[0] instanceof String sql && isWrite(sql));
							if (write) {
								if (this.target.getAutoCommit()) {
									autoCommitWrites.increment();
								}
								else {
									this.wrote = true;
								}
							}
						}
						try {
							return method.invoke(statement, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		private static boolean isWrite(String sql) {
			String head = sql.stripLeading().toLowerCase(Locale.ROOT);
			return head.startsWith("insert") || head.startsWith("update") || head.startsWith("delete")
					|| head.startsWith("merge");
		}

	}

}
