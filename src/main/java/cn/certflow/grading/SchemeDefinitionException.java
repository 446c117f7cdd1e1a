package cn.certflow.grading;

/**
 * A scheme definition or score sheet that cannot be loaded; the message names the file
 * and line.
 */
public class SchemeDefinitionException extends IllegalStateException {

	public SchemeDefinitionException(String message) {
		super(message);
	}

	public SchemeDefinitionException(String message, Throwable cause) {
		super(message, cause);
	}

}
