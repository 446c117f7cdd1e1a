package cn.certflow.rules;

/**
 * Fact: what is known about a certified client at surveillance (R-SUR-3, R-SUS-1).
 *
 * @param certifiedStars grade on the certificate, at least 1
 * @param gradedStars grade the surveillance scoring reached; 0 when below every grade,
 * null when no surveillance grade is available
 * @param majorComplaintVerified a major complaint has been verified as the client's fault
 * @param majorComplaintRectified the client has rectified that complaint
 * @param customerInjuryOrDeath the client's service caused a customer's injury or death
 * @param governmentBlacklist the client is on a government blacklist (serious dishonesty
 * list)
 * @param certificationRulesViolated the client violates the certification rules, e.g.
 * misuses the certificate or the mark (PCEC 12.3 "违反认证有关规定")
 * @param clientRequestedSuspension the client asks to suspend its certificate (PCEC 12.3)
 */
public record SanctionFacts(int certifiedStars, Integer gradedStars, boolean majorComplaintVerified,
		boolean majorComplaintRectified, boolean customerInjuryOrDeath, boolean governmentBlacklist,
		boolean certificationRulesViolated, boolean clientRequestedSuspension) {

	public SanctionFacts {
		if (certifiedStars < 1) {
			throw new IllegalArgumentException("certifiedStars must be at least 1, was " + certifiedStars);
		}
		if (gradedStars != null && gradedStars < 0) {
			throw new IllegalArgumentException("gradedStars must not be negative, was " + gradedStars);
		}
	}

	/** Nothing known against a certificate of this grade. */
	public static SanctionFacts certified(int stars) {
		return new SanctionFacts(stars, null, false, false, false, false, false, false);
	}

	public SanctionFacts withGradedStars(Integer stars) {
		return new SanctionFacts(this.certifiedStars, stars, this.majorComplaintVerified, this.majorComplaintRectified,
				this.customerInjuryOrDeath, this.governmentBlacklist, this.certificationRulesViolated,
				this.clientRequestedSuspension);
	}

	public SanctionFacts withMajorComplaint(boolean rectified) {
		return new SanctionFacts(this.certifiedStars, this.gradedStars, true, rectified, this.customerInjuryOrDeath,
				this.governmentBlacklist, this.certificationRulesViolated, this.clientRequestedSuspension);
	}

	public SanctionFacts withCustomerInjuryOrDeath() {
		return new SanctionFacts(this.certifiedStars, this.gradedStars, this.majorComplaintVerified,
				this.majorComplaintRectified, true, this.governmentBlacklist, this.certificationRulesViolated,
				this.clientRequestedSuspension);
	}

	public SanctionFacts withGovernmentBlacklist() {
		return new SanctionFacts(this.certifiedStars, this.gradedStars, this.majorComplaintVerified,
				this.majorComplaintRectified, this.customerInjuryOrDeath, true, this.certificationRulesViolated,
				this.clientRequestedSuspension);
	}

	public SanctionFacts withCertificationRulesViolated() {
		return new SanctionFacts(this.certifiedStars, this.gradedStars, this.majorComplaintVerified,
				this.majorComplaintRectified, this.customerInjuryOrDeath, this.governmentBlacklist, true,
				this.clientRequestedSuspension);
	}

	public SanctionFacts withClientRequestedSuspension() {
		return new SanctionFacts(this.certifiedStars, this.gradedStars, this.majorComplaintVerified,
				this.majorComplaintRectified, this.customerInjuryOrDeath, this.governmentBlacklist,
				this.certificationRulesViolated, true);
	}

}
