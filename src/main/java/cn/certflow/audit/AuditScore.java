package cn.certflow.audit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A score of an audit with the decision table version that graded it (R-AUD-4). */
public record AuditScore(long auditId, String scheme, BigDecimal score, int stars, String grade, String decisionKey,
		int decisionVersion, String explanation, String scoredBy, OffsetDateTime scoredAt) {
}
