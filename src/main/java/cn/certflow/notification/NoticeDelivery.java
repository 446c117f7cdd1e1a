package cn.certflow.notification;

/** Where the e-mail of a notice to the client stands. */
public enum NoticeDelivery {

	/** Recorded, not tried yet. */
	PENDING,

	/** Handed to the mail server. */
	SENT,

	/**
	 * The last try failed (mail server unreachable or refusing); the engine retries the
	 * job with backoff.
	 */
	FAILED,

	/**
	 * Not e-mailed: no mail server configured, or no contact e-mail; kept for a letter by
	 * post.
	 */
	NOT_SENT

}
