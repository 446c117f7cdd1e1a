package cn.certflow.notification;

/**
 * Every kind of notice the CB sends a client or a complainant (issue 18 point 6). Each
 * has one template, {@code notices/notices.properties}: {@code KIND.subject} and
 * {@code KIND.body}, with {@code {name}} placeholders filled from the model the caller
 * gives.
 */
public enum NoticeKind {

	/** R-APP-3, PCEC 7.1 (3): the application is not accepted, with the reason. */
	APPLICATION_REJECTED,

	/** Document review: findings to correct, and by when. */
	DOCUMENT_FINDINGS,

	/**
	 * PCEC 8.1: the corrected documents did not arrive by their deadline (a product
	 * default, regulatory clock DOCUMENT_CORRECTIONS); the review waits for them.
	 */
	DOCUMENT_CORRECTIONS_OVERDUE,

	/** The audit plan and the audit team. */
	AUDIT_PLAN,

	/** Nonconformities and the deadline for corrective actions. */
	NONCONFORMITIES,

	/**
	 * R-AUD-3: the correction deadline passed with the corrective actions not submitted;
	 * what it means for the certification.
	 */
	CORRECTIVE_ACTIONS_OVERDUE,

	/** PCEC 8.2.5: the on-site audit was terminated. */
	AUDIT_TERMINATED,

	/** R-DEC-2: certification refused, with the reasons. */
	CERTIFICATION_REFUSED,

	/** R-CERT-1: the certificate is issued (its PDF attached to the e-mail). */
	CERTIFICATE_ISSUED,

	/** Surveillance planned. */
	SURVEILLANCE_PLAN,

	/** Surveillance result. */
	SURVEILLANCE_RESULT,

	/** A surveillance, change, extension or upgrade audit ended in a refusal. */
	CERTIFICATE_AUDIT_REFUSED,

	/** PCEC 12.3: suspended, with the end date and the ban on using the certificate. */
	CERTIFICATE_SUSPENDED,

	/** The suspension is lifted. */
	SUSPENSION_LIFTED,

	/** The certificate is withdrawn. */
	CERTIFICATE_WITHDRAWN,

	/** The certificate is cancelled. */
	CERTIFICATE_CANCELLED,

	/** The certificate expired. */
	CERTIFICATE_EXPIRED,

	/** The certificate is downgraded (reissued at a lower grade). */
	CERTIFICATE_DOWNGRADED,

	/**
	 * A new revision of the certificate (change, extension, upgrade, recertification).
	 */
	CERTIFICATE_REISSUED,

	/** A change request is not accepted. */
	CHANGE_REJECTED,

	/** The deadline to move to a new version of the standard. */
	TRANSITION_DEADLINE,

	/** PCEC 11: the certificate expires soon; apply for recertification. */
	RECERTIFICATION_REMINDER,

	/** The recertification documents did not pass. */
	RECERTIFICATION_DOCUMENTS_FAILED,

	/** R-APL-1: an appeal or complaint is received and acknowledged. */
	CASE_ACKNOWLEDGED,

	/** R-APL-1: the outcome of an appeal or complaint, with the reasons. */
	CASE_OUTCOME

}
