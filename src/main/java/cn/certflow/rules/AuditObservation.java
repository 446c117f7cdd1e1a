package cn.certflow.rules;

import java.util.Objects;

/**
 * Fact: one observation of the audit team (R-AUD-2).
 *
 * @param kind what was observed
 * @param evidence what the auditor wrote down; required for
 * {@link ObservationKind#OTHER_CANNOT_COMPLETE}, since 8.2.5(8) says nothing by itself
 */
public record AuditObservation(ObservationKind kind, String evidence) {

	public AuditObservation {
		Objects.requireNonNull(kind, "kind is required");
		if (kind == ObservationKind.OTHER_CANNOT_COMPLETE && (evidence == null || evidence.isBlank())) {
			throw new IllegalArgumentException("evidence is required for " + kind);
		}
	}

}
