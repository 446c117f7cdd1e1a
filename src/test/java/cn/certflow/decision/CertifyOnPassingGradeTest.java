package cn.certflow.decision;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import cn.certflow.application.InitialCertification;
import cn.certflow.audit.AuditScore;
import cn.certflow.system.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-DEC-2 (PCEC 9): certify only on a passing grade; a refusal needs written reasons for
 * the client.
 */
class CertifyOnPassingGradeTest {

	private static AuditScore graded(int stars, String grade, String score) {
		return new AuditScore(1, "PCEC", new BigDecimal(score), stars, grade, "pcec-grade", 1, "", "lead", null);
	}

	@Test
	@DisplayName("R-DEC-2: certifying below one star is refused naming the grade and the decision field")
	void shouldRefuseToCertifyBelowOneStar() {
		assertThatThrownBy(
				() -> CertifyOnPassingGrade.check(CertifyOnPassingGrade.CERTIFY, graded(0, "不通过", "59.50"), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("cannot certify: the grade is 不通过 (59.5)")
			.hasMessageContaining(InitialCertification.DECISION_OUTCOME.getName());
		assertThatNoException()
			.isThrownBy(() -> CertifyOnPassingGrade.check(CertifyOnPassingGrade.CERTIFY, graded(1, "一星", "70"), null));
	}

	@Test
	@DisplayName("R-DEC-2, PCEC 9: a refusal without written reasons is refused")
	void shouldNeedWrittenReasonsForARefusal() {
		assertThatThrownBy(() -> CertifyOnPassingGrade.check(CertifyOnPassingGrade.REFUSE, graded(2, "二星", "80"), "  "))
			.hasMessageContaining("a refusal needs written reasons")
			.hasMessageContaining(InitialCertification.DECISION_REASONS.getName());
		assertThatNoException().isThrownBy(
				() -> CertifyOnPassingGrade.check(CertifyOnPassingGrade.REFUSE, graded(2, "二星", "80"), "现场不符合"));
	}

}
