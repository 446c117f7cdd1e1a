package cn.certflow.certificate;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A request about a certificate, one per message sent to its lifecycle (table
 * certificate_request).
 */
public record CertificateRequest(long id, String certificateNumber, String kind, String description,
		String newHolderName, String newHolderAddress, String addedScope, Integer requestedStars,
		String newRuleDocument, String eventKind, LocalDate eventDate, String requestedBy, OffsetDateTime requestedAt,
		String status, String outcome) {

	public static final String OPEN = "OPEN";

	public static final String ACCEPTED = "ACCEPTED";

	public static final String REJECTED = "REJECTED";

	public static final String DONE = "DONE";

	/**
	 * Kind of a reminder, not a message: the client's record changed (R-ID-1) while the
	 * certificate could not take a change request (suspended, or another change in
	 * progress); open until a name or premises change reissues it.
	 */
	public static final String HOLDER_CHANGE_DUE = "HOLDER_CHANGE_DUE";

}
