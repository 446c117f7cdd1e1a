package cn.certflow.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;

import cn.certflow.system.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-SUR-3 (PCEC 10.2): the decision after an audit is never milder than the rules'
 * recommendation, approves only what they advise, and gives reasons where it departs from
 * them or refuses, suspends or withdraws.
 */
class NeverMilderThanAdvisedTest {

	private static final SanctionAdvice.Advice DOWNGRADE_TO_3 = new SanctionAdvice.Advice(CertificateAudit.DOWNGRADE, 3,
			List.of("grade 3★ below certified 4★"));

	private static final SanctionAdvice.Advice KEEP = new SanctionAdvice.Advice(CertificateAudit.KEEP, null,
			List.of("grade kept"));

	@Test
	@DisplayName("R-SUR-3: a surveillance kept where the rules call for a downgrade is refused naming the decision")
	void shouldRefuseADecisionMilderThanTheRules() {
		assertThatThrownBy(() -> NeverMilderThanAdvised.check(CertificateAudit.Kind.SURVEILLANCE, CertificateAudit.KEEP,
				DOWNGRADE_TO_3))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("never milder (R-SUR-3)")
			.hasMessageContaining(CertificateAudit.DECISION.getName());
	}

	@Test
	@DisplayName("R-SUR-3: a suspension where the rules call for a downgrade is more severe, and accepted")
	void shouldAcceptADecisionMoreSevereThanTheRules() {
		assertThatNoException().isThrownBy(() -> NeverMilderThanAdvised.check(CertificateAudit.Kind.SURVEILLANCE,
				CertificateAudit.SUSPEND, DOWNGRADE_TO_3));
	}

	@Test
	@DisplayName("R-REC-1, R-UPG-1: an approval the rules do not advise is refused")
	void shouldRefuseAnApprovalTheRulesDoNotAdvise() {
		SanctionAdvice.Advice refuse = new SanctionAdvice.Advice(CertificateAudit.REFUSE, null,
				List.of("audit NOT_RECOMMENDED"));
		assertThatThrownBy(() -> NeverMilderThanAdvised.check(CertificateAudit.Kind.RECERTIFICATION,
				CertificateAudit.APPROVE, refuse))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("cannot approve");
	}

	@Test
	@DisplayName("R-SUR-3: a downgrade takes the advised grade, and never reaches the certified grade or zero")
	void shouldKeepADowngradeBetweenOneStarAndBelowTheCertifiedGrade() {
		assertThat(NeverMilderThanAdvised.decidedStars(CertificateAudit.DOWNGRADE, DOWNGRADE_TO_3, 3, 4)).isEqualTo(3);
		assertThat(NeverMilderThanAdvised.decidedStars(CertificateAudit.DOWNGRADE, KEEP, 2, 4)).isEqualTo(2);
		assertThatThrownBy(() -> NeverMilderThanAdvised.decidedStars(CertificateAudit.DOWNGRADE, KEEP, 4, 4))
			.hasMessageContaining("between 1★ and 3★");
		assertThatThrownBy(() -> NeverMilderThanAdvised.decidedStars(CertificateAudit.DOWNGRADE, KEEP, 0, 4))
			.hasMessageContaining("withdrawn");
	}

	@Test
	@DisplayName("R-SUR-3: a departure from the advice, a suspension or a withdrawal needs written reasons")
	void shouldAskForReasonsWhereTheDecisionDepartsFromTheRulesOrIsSevere() {
		assertThatThrownBy(() -> NeverMilderThanAdvised.reasons(CertificateAudit.SUSPEND, DOWNGRADE_TO_3, " "))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("the rules recommended DOWNGRADE")
			.hasMessageContaining(CertificateAudit.DECISION_REASONS.getName());
		SanctionAdvice.Advice withdraw = new SanctionAdvice.Advice(CertificateAudit.WITHDRAW, null, List.of("x"));
		assertThatThrownBy(() -> NeverMilderThanAdvised.reasons(CertificateAudit.WITHDRAW, withdraw, null))
			.hasMessageContaining("reasons are needed for WITHDRAW");
		assertThatNoException().isThrownBy(() -> NeverMilderThanAdvised.reasons(CertificateAudit.KEEP, KEEP, null));
	}

}
