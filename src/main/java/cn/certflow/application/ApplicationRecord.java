package cn.certflow.application;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** An application as stored, with its client. */
public record ApplicationRecord(long id, String number, long clientId, String clientName, String clientAddress,
		String creditCode, String legalStatus, String schemeId, int requestedStars, String technicalArea,
		String categories, String sites, int headcount, String declaredDocuments, ApplicationStatus status,
		OffsetDateTime receivedAt, OffsetDateTime reviewDueAt, OffsetDateTime reviewedAt, String reviewedBy,
		Long reviewMinutes, String contractNumber, LocalDate contractSignedOn, String processInstanceId,
		String contactEmail) {

	/**
	 * Scope as printed on the certificate: technical area and professional categories.
	 */
	public String scope() {
		return this.technicalArea + " " + this.categories;
	}

}
