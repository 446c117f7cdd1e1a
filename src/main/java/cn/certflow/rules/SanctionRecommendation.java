package cn.certflow.rules;

import java.util.List;

/**
 * The most severe outcome of all fired sanction rules (R-SUR-3, R-SUS-1); all of them are
 * listed.
 *
 * @param outcome {@link SanctionOutcome#KEEP} when no rule fired
 * @param downgradeToStars the new grade when some rule calls for a downgrade, even if a
 * more severe outcome wins (the certificate is reissued at that grade if it is ever
 * reinstated); otherwise null
 * @param reasons every fired rule, most severe first
 */
public record SanctionRecommendation(SanctionOutcome outcome, Integer downgradeToStars, List<SanctionReason> reasons) {

	public SanctionRecommendation {
		reasons = List.copyOf(reasons);
	}

	/** Names of the rules that fired. */
	public List<String> rules() {
		return this.reasons.stream().map(SanctionReason::rule).toList();
	}

}
