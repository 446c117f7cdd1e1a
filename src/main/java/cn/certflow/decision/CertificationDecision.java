package cn.certflow.decision;

import java.time.OffsetDateTime;

/**
 * A certification decision with its decider (R-DEC-1/2) and, when it certifies an audit
 * the team did not recommend, the decider's written reason (R-DEC-3).
 */
public record CertificationDecision(long applicationId, long auditId, boolean certified, int stars, String reasons,
		String externalInfo, String notRecommendedOverride, String decidedBy, OffsetDateTime decidedAt) {
}
