package cn.certflow.system;

/** A record asked for by number or id does not exist (404). */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
