package cn.certflow.system;

/**
 * The request is well formed but the record's state does not allow it, e.g. extending a
 * withdrawn certificate (409).
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
