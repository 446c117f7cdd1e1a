package cn.certflow.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One credit-information lookup of an application review (R-CRED-1, PCEC 7.1, ZHHT 5.2.1
 * a).
 *
 * @param lookedUp what was looked up where (system and query)
 */
public record CreditCheck(long id, String applicationNumber, CreditCheckKind kind, String lookedUp,
		CreditCheckResult result, LocalDate checkedOn, String recordedBy, OffsetDateTime recordedAt) {

	/** A lookup to record, as the reviewer submits it (form or API). */
	public record Entry(String kind, String lookedUp, String result, String checkedOn) {
	}

}
