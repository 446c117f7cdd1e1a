package cn.certflow.system;

/**
 * A record asked for by number or id does not exist (404), naming the request field that
 * named it when known.
 */
public class NotFoundException extends RuntimeException {

	private final String field;

	public NotFoundException(String message) {
		this(null, message);
	}

	public NotFoundException(String field, String message) {
		super(message);
		this.field = field;
	}

	/**
	 * The field or path variable that named the missing record, or null (then the API
	 * names its only one).
	 */
	public String field() {
		return this.field;
	}

}
