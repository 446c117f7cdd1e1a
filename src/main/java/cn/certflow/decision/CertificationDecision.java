package cn.certflow.decision;

import java.time.OffsetDateTime;

/** A certification decision with its decider (R-DEC-1/2). */
public record CertificationDecision(long applicationId, long auditId, boolean certified, int stars, String reasons,
		String externalInfo, String decidedBy, OffsetDateTime decidedAt) {
}
