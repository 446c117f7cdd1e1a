package cn.certflow.grading;

import cn.certflow.system.InvalidInputException;

/**
 * A score input that cannot be graded: unknown, missing or out-of-range item, bad number.
 * An {@link InvalidInputException}, so Tasklist, Camunda's REST API and ours answer 400
 * naming the item.
 */
public class InvalidScoreException extends InvalidInputException {

	public InvalidScoreException(String field, String message) {
		super(field, message);
	}

	/** The form variable (or input field) at fault, e.g. {@code item_A2_2}. */
	public String field() {
		return problems().get(0).field();
	}

}
