package cn.certflow.rules;

/**
 * A DRL file does not compile; the message names each file, line and compiler message.
 */
public class RulesCompilationException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public RulesCompilationException(String message) {
		super(message);
	}

	public RulesCompilationException(String message, Throwable cause) {
		super(message, cause);
	}

}
