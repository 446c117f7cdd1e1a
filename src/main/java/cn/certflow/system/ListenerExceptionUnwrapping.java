package cn.certflow.system;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws in a generic ProcessEngineException,
 * which its REST API answers with 500. Our listeners reject bad input
 * (InvalidInputException) and impartiality breaches (AuthorizationException) on purpose:
 * this interceptor, outside the transaction, hands those on unwrapped so callers get 400
 * / 403.
 */
@Component
class ListenerExceptionUnwrapping extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new Unwrap());
	}

	static class Unwrap extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			try {
				return this.next.execute(command);
			}
			catch (ProcessEngineException ex) {
				throw intended(ex);
			}
		}

		static ProcessEngineException intended(ProcessEngineException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof InvalidInputException || cause instanceof AuthorizationException) {
					return (ProcessEngineException) cause;
				}
			}
			return ex;
		}

	}

}
