package cn.certflow.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** R-SUR-3, R-SUS-1, PCEC 12.1(4), 12.3: {@code rules/certificate-sanctions.drl}. */
class CertificateSanctionRulesTest {

	private static final String DOWNGRADE = "Downgrade when surveillance grades the client below its certified grade";

	private static final String BELOW_EVERY_GRADE = "Withdraw when surveillance grades the client below every grade";

	private static final String COMPLAINT = "Suspend or withdraw when a verified major complaint has not been rectified";

	private static final String INJURY = "Suspend or withdraw when the client's service injured or killed a customer";

	private static final String BLACKLIST = "Suspend or withdraw when the client is on a government blacklist";

	private static final String VIOLATION = "Suspend when the client violates the certification rules";

	private static final String CLIENT_REQUEST = "Suspend when the client asks for a suspension";

	private final RulesService rules = Rules.SERVICE;

	@Test
	void nothingKnownKeepsTheCertificate() {
		SanctionRecommendation recommendation = this.rules.recommendSanction(SanctionFacts.certified(4));

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.KEEP);
		assertThat(recommendation.downgradeToStars()).isNull();
		assertThat(recommendation.reasons()).isEmpty();
	}

	@Test
	void gradedAtOrAboveTheCertifiedGradeKeeps() {
		assertThat(this.rules.recommendSanction(SanctionFacts.certified(4).withGradedStars(4)).outcome())
			.isEqualTo(SanctionOutcome.KEEP);
		assertThat(this.rules.recommendSanction(SanctionFacts.certified(4).withGradedStars(5)).outcome())
			.isEqualTo(SanctionOutcome.KEEP);
	}

	@Test
	void gradedBelowTheCertifiedGradeDowngradesToTheGradedStars() {
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(5).withGradedStars(3));

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.DOWNGRADE);
		assertThat(recommendation.downgradeToStars()).isEqualTo(3);
		assertThat(recommendation.reasons()).singleElement().satisfies((reason) -> {
			assertThat(reason.rule()).isEqualTo(DOWNGRADE);
			assertThat(reason.clause()).isEqualTo("PCEC 12.1(4)");
			assertThat(reason.stars()).isEqualTo(3);
		});
	}

	@Test
	void belowEveryGradeWithdraws() {
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(3).withGradedStars(0));

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.WITHDRAW);
		assertThat(recommendation.downgradeToStars()).isNull();
		assertThat(recommendation.rules()).containsExactly(BELOW_EVERY_GRADE);
	}

	@Test
	void unrectifiedVerifiedMajorComplaintSuspends() {
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(5).withMajorComplaint(false));

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.SUSPEND);
		assertThat(recommendation.rules()).containsExactly(COMPLAINT);
	}

	@Test
	void rectifiedMajorComplaintKeeps() {
		assertThat(this.rules.recommendSanction(SanctionFacts.certified(5).withMajorComplaint(true)).outcome())
			.isEqualTo(SanctionOutcome.KEEP);
	}

	@Test
	void customerInjuryOrDeathSuspends() {
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(5).withCustomerInjuryOrDeath());

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.SUSPEND);
		assertThat(recommendation.rules()).containsExactly(INJURY);
	}

	@Test
	void governmentBlacklistProposesTheSuspensionLeavingTheWithdrawalToTheDecision_CQM_6_4() {
		// CQM 6.4 "登上政府黑名单等情况时，证书暂停或撤销证书": the rule proposes the lesser of
		// the two, the decision maker chooses (NeverMilderThanAdvisedTest)
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(5).withGovernmentBlacklist());

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.SUSPEND);
		assertThat(recommendation.rules()).containsExactly(BLACKLIST);
	}

	@Test
	void violatingTheCertificationRulesSuspends() {
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(5).withCertificationRulesViolated());

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.SUSPEND);
		assertThat(recommendation.rules()).containsExactly(VIOLATION);
	}

	@Test
	void clientRequestSuspends() {
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(5).withClientRequestedSuspension());

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.SUSPEND);
		assertThat(recommendation.rules()).containsExactly(CLIENT_REQUEST);
	}

	@Test
	void downgradeAndBlacklistSuspendAndReportBoth() {
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(5).withGradedStars(3).withGovernmentBlacklist());

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.SUSPEND);
		assertThat(recommendation.rules()).containsExactly(BLACKLIST, DOWNGRADE);
		assertThat(recommendation.downgradeToStars()).isEqualTo(3);
	}

	@Test
	void downgradeAndUnrectifiedComplaintSuspendAndReportBoth() {
		SanctionRecommendation recommendation = this.rules
			.recommendSanction(SanctionFacts.certified(5).withGradedStars(4).withMajorComplaint(false));

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.SUSPEND);
		assertThat(recommendation.rules()).containsExactly(COMPLAINT, DOWNGRADE);
	}

	@Test
	void everythingAtOnceWithdrawsAndReportsEveryRuleMostSevereFirst() {
		SanctionRecommendation recommendation = this.rules.recommendSanction(SanctionFacts.certified(5)
			.withGradedStars(0)
			.withMajorComplaint(false)
			.withCustomerInjuryOrDeath()
			.withGovernmentBlacklist()
			.withCertificationRulesViolated()
			.withClientRequestedSuspension());

		assertThat(recommendation.outcome()).isEqualTo(SanctionOutcome.WITHDRAW);
		assertThat(recommendation.rules()).containsExactly(BELOW_EVERY_GRADE, COMPLAINT, BLACKLIST, INJURY,
				CLIENT_REQUEST, VIOLATION);
	}

	@Test
	void factsAreValidated() {
		assertThatIllegalArgumentException().isThrownBy(() -> SanctionFacts.certified(0))
			.withMessageContaining("certifiedStars");
		assertThatIllegalArgumentException().isThrownBy(() -> SanctionFacts.certified(3).withGradedStars(-1))
			.withMessageContaining("gradedStars");
	}

}
