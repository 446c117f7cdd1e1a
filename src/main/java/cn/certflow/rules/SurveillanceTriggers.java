package cn.certflow.rules;

import java.util.List;

/**
 * What PCEC 10.2 says about the next surveillance audits (R-SUR-2).
 *
 * @param specialAuditRequired true when at least one trigger fired
 * @param reasons every fired trigger, ordered by clause
 * @param reducedFrequencyAllowed true only for a recertified client without complaints
 * and without any trigger
 * @param reducedFrequency the rule that allowed it, empty otherwise
 */
public record SurveillanceTriggers(boolean specialAuditRequired, List<SpecialAuditReason> reasons,
		boolean reducedFrequencyAllowed, List<ReducedFrequency> reducedFrequency) {

	public SurveillanceTriggers {
		reasons = List.copyOf(reasons);
		reducedFrequency = List.copyOf(reducedFrequency);
	}

	/** Names of the trigger rules that fired. */
	public List<String> rules() {
		return this.reasons.stream().map(SpecialAuditReason::rule).toList();
	}

}
