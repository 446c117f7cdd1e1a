package cn.certflow.appeal;

import java.time.OffsetDateTime;

/** An appeal or complaint as recorded (table complaint_case), R-APL-1. */
public record CaseRecord(long id, String number, String kind, String certificateNumber, String applicationNumber,
		String complainant, String subject, String description, String involvedPersons, String receivedBy,
		OffsetDateTime receivedAt, OffsetDateTime acknowledgementDue, OffsetDateTime acknowledgedAt,
		String acknowledgedBy, String acknowledgementText, OffsetDateTime escalatedAt, String outcome,
		String outcomeReasons, Boolean clientAtFault, String decidedBy, OffsetDateTime decidedAt,
		OffsetDateTime communicatedAt, String status) {
}
