package cn.certflow.notification;

import java.time.OffsetDateTime;

/**
 * A notice to the client or a complainant (R-APP-3, R-DEC-2, R-CERT-1, R-APL-1; issue 18)
 * with its e-mail delivery state. {@code contactEmail} is where it is e-mailed: the
 * complainant's address when the notice has one, else the application's contact.
 */
public record ClientNotice(long id, String applicationNumber, String clientName, String contactEmail, String kind,
		String body, String createdBy, OffsetDateTime createdAt, NoticeDelivery delivery, String recipient,
		int attempts, OffsetDateTime lastAttemptAt, String lastAttemptBy, String deliveryNote, OffsetDateTime sentAt,
		String creditCode, String certificateNumber, String caseNumber, String subject) {

	/** Subject line of the e-mail. */
	String mailSubject() {
		if (this.subject != null) {
			return this.subject;
		}
		String what = switch (this.kind) {
			case "APPLICATION_REJECTED" -> "认证申请未被受理";
			case "CERTIFICATION_REFUSED" -> "不予认证通知";
			case "CERTIFICATE_ISSUED" -> "证书颁发通知";
			default -> "认证通知";
		};
		return "[" + this.applicationNumber + "] " + what;
	}

}
