package cn.certflow.application;

import java.time.OffsetDateTime;

/**
 * One change of a client record (table client_history, R-ID-1): registered from an
 * application, or a difference the reviewer of an application confirmed; what it was,
 * what it became, who, when, and what it meant for the certificates the client holds
 * (PCEC 12.1). {@code applicationNumber} is null for demo data.
 */
public record ClientHistoryEntry(String kind, String applicationNumber, String oldName, String oldAddress,
		String oldLegalStatus, String newName, String newAddress, String newLegalStatus, String certificates,
		String changedBy, OffsetDateTime changedAt) {

	public static final String REGISTERED = "REGISTERED";

	public static final String CONFIRMED = "CONFIRMED";

}
