package cn.certflow.planning;

import java.util.List;

import cn.certflow.system.InvalidInputException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * PCEC 8.2.1, R-AUD-COMB: "同一申请单位申请多项认证项目时, 服务管理审核可进行结合审查, 人日数不能少于总审核时间1/2" — a combined
 * audit of several schemes keeps at least half of the summed audit time, in whole days
 * rounded up (PCEC 15), never below 2 person-days.
 */
class CombinedAuditTimeTest {

	private final CombinedAuditTime combined = new CombinedAuditTime();

	@ParameterizedTest(name = "PCEC 8.2.1, R-AUD-COMB: schemes of {0} person-days together -> at least {1}")
	@CsvSource(delimiter = ';',
			value = { "2,2; 2", "2,3; 3", "3,3; 3", "3,4; 4", "5,5; 5", "5,6; 6", "10,10; 10", "10,10,10; 15",
					"2,2,3; 4", "2; 2", "1,1; 2" })
	@DisplayName("PCEC 8.2.1, R-AUD-COMB: half of the sum, rounded up, never below 2")
	void shouldKeepHalfOfTheSummedAuditTimeOnTheBandEdges(String days, int minimum) {
		List<Integer> schemeDays = java.util.Arrays.stream(days.split(",")).map(Integer::valueOf).toList();
		assertThat(this.combined.minimumPersonDays(schemeDays)).isEqualTo(minimum);
	}

	@Test
	@DisplayName("PCEC 8.2.1, R-AUD-COMB: a plan one day below half the sum is refused, naming personDays")
	void shouldRefuseACombinedPlanBelowHalfTheSum() {
		// PCEC 5 days + ZHHT 4 days = 9 -> at least 5 (4.5 rounded up)
		assertThatThrownBy(() -> this.combined.check(4, List.of(5, 4))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("personDays")
			.hasMessageContaining("至少 5 人日");
		assertThatNoException().isThrownBy(() -> this.combined.check(5, List.of(5, 4)));
	}

	@Test
	void shouldNameTheSchemeDaysWhenThereAreNone() {
		assertThatThrownBy(() -> this.combined.minimumPersonDays(List.of())).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("schemeDays");
		assertThatThrownBy(() -> this.combined.minimumPersonDays(List.of(3, 0)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("schemeDays");
	}

}
