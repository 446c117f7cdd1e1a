package cn.certflow.rules;

import java.util.List;

/**
 * Whether PCEC 8.2.5 calls for terminating the on-site audit (R-AUD-2). A recommendation
 * only: the termination takes effect after quality managers approve it.
 *
 * @param terminate true when at least one rule fired
 * @param grounds every fired rule, ordered by clause
 */
public record TerminationRecommendation(boolean terminate, List<TerminationGround> grounds) {

	public TerminationRecommendation {
		grounds = List.copyOf(grounds);
	}

	/** The distinct clauses, e.g. {@code [8.2.5(1), 8.2.5(5)]}. */
	public List<String> clauses() {
		return this.grounds.stream().map(TerminationGround::clause).distinct().toList();
	}

}
