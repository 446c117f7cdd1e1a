package cn.certflow.notification;

/**
 * The mail server did not take a notice: the engine step fails, and is retried, then
 * shown as an incident.
 */
public class NoticeNotSentException extends RuntimeException {

	NoticeNotSentException(ClientNotice notice, String error, Throwable cause) {
		super("notice " + notice.id() + " (" + notice.kind() + ", " + notice.applicationNumber() + ") to "
				+ notice.contactEmail() + " not sent: " + error, cause);
	}

}
