package cn.certflow.surveillance;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An annual surveillance as recorded (table surveillance), R-SUR-1; {@code decidedAt} is
 * when it was decided (the next one counts from it: {@link SurveillanceSchedule}).
 */
public record Surveillance(long id, String certificateNumber, LocalDate cycleStart, int year, LocalDate dueOn,
		LocalDate latestOn, String status, LocalDate postponedTo, String postponeReason, OffsetDateTime escalatedAt,
		Long auditId, String sampledSite, String content, String decision, String decidedBy, OffsetDateTime decidedAt) {
}
