package cn.certflow.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;

import cn.certflow.rules.RulesService;
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
	@DisplayName("CQM 6.4: on a government blacklist the rules propose suspension; the decider chooses suspension or withdrawal with reasons, never less")
	void shouldLetTheDeciderChooseBetweenSuspensionAndWithdrawalWithReasons_CQM_6_4() {
		// CQM 6.4 "…登上政府黑名单等情况时，证书暂停或撤销证书": Drools proposes, the decider
		// chooses between the two with reasons, may be more severe, never milder
		SanctionAdvice.Advice advice = new SanctionAdvice(new RulesService()).advise(CertificateAudit.Kind.SURVEILLANCE,
				"RECOMMENDED", 5, 5, 5, List.of("GOVERNMENT_BLACKLIST"));
		assertThat(advice.decision()).isEqualTo(CertificateAudit.SUSPEND);
		assertThat(advice.rules()).anySatisfy(rule -> assertThat(rule).contains("Suspend or withdraw"));
		for (String chosen : List.of(CertificateAudit.SUSPEND, CertificateAudit.WITHDRAW)) {
			assertThatNoException()
				.isThrownBy(() -> NeverMilderThanAdvised.check(CertificateAudit.Kind.SURVEILLANCE, chosen, advice));
			assertThatThrownBy(() -> NeverMilderThanAdvised.reasons(chosen, advice, " "))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining(CertificateAudit.DECISION_REASONS.getName());
			assertThatNoException()
				.isThrownBy(() -> NeverMilderThanAdvised.reasons(chosen, advice, "列入严重违法失信名单，经评估决定"));
		}
		for (String milder : List.of(CertificateAudit.KEEP, CertificateAudit.DOWNGRADE)) {
			assertThatThrownBy(() -> NeverMilderThanAdvised.check(CertificateAudit.Kind.SURVEILLANCE, milder, advice))
				.isInstanceOf(InvalidInputException.class)
				.hasMessageContaining("never milder");
		}
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
