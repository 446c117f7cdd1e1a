package cn.certflow.grading;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A score input that cannot be graded: unknown, missing or out-of-range item, bad number.
 * Extends {@link BadUserRequestException} so that Camunda's REST API answers 400.
 */
public class InvalidScoreException extends BadUserRequestException {

	private final String field;

	public InvalidScoreException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The form variable (or input field) at fault, e.g. {@code item_A2_2}. */
	public String field() {
		return this.field;
	}

}
