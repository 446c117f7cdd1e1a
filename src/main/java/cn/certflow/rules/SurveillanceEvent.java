package cn.certflow.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Fact: one event in the life of a certified client (R-SUR-2).
 *
 * @param kind what happened
 * @param occurredOn when; the repeated-complaints rule compares these dates
 * @param evidence what was recorded; required for
 * {@link SurveillanceEventKind#OTHER_SPECIAL_CIRCUMSTANCE}
 */
public record SurveillanceEvent(SurveillanceEventKind kind, LocalDate occurredOn, String evidence) {

	public SurveillanceEvent {
		Objects.requireNonNull(kind, "kind is required");
		Objects.requireNonNull(occurredOn, "occurredOn is required");
		if (kind == SurveillanceEventKind.OTHER_SPECIAL_CIRCUMSTANCE && (evidence == null || evidence.isBlank())) {
			throw new IllegalArgumentException("evidence is required for " + kind);
		}
	}

}
