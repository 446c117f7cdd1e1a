package cn.certflow.bench;

import java.util.concurrent.atomic.LongAdder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Counts the OptimisticLockingExceptions the job executor reports while executing jobs
 * (ENGINE-14006, logged at WARN with the exception's class name), and any other log event
 * that carries one. Attached to the root logger after Spring Boot has configured logging.
 */
final class OptimisticLockingLog extends AppenderBase<ILoggingEvent> {

	static final LongAdder count = new LongAdder();

	static void attach() {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		OptimisticLockingLog appender = new OptimisticLockingLog();
		appender.setContext(context);
		appender.setName("optimistic-locking-counter");
		appender.start();
		context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
	}

	@Override
	protected void append(ILoggingEvent event) {
		if (mentions(event.getFormattedMessage()) || mentions(event.getThrowableProxy())) {
			count.increment();
		}
	}

	private static boolean mentions(String message) {
		return message != null && message.contains("OptimisticLockingException");
	}

	private static boolean mentions(IThrowableProxy throwable) {
		for (IThrowableProxy t = throwable; t != null; t = t.getCause()) {
			if (mentions(t.getClassName())) {
				return true;
			}
		}
		return false;
	}

	static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
