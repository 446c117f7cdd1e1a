package cn.certflow.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 21 point 10: every period of the rules defined once, with its clause and default,
 * and changed by configuration alone.
 */
class RegulatoryClockTest {

	@Test
	@DisplayName("Issue 21.10: the defaults are the seeds' periods (PCEC 10.2, 11, 13.2; ZHHT 5.2.1, 3.2) and the product's own, marked as such")
	void shouldKnowEveryPeriodWithItsClauseAndDefault() {
		RegulatoryClock clock = new RegulatoryClockConfiguration().regulatoryClock(new MockEnvironment());
		assertThat(clock.period(RegulatoryPeriod.APPLICATION_REVIEW)).isEqualTo(Period.ofDays(10));
		assertThat(clock.period(RegulatoryPeriod.NONCONFORMITY_CORRECTION)).isEqualTo(Period.ofDays(30));
		assertThat(clock.period(RegulatoryPeriod.SURVEILLANCE_INTERVAL)).isEqualTo(Period.ofMonths(12));
		assertThat(clock.period(RegulatoryPeriod.RECERTIFICATION_APPLICATION_DEADLINE)).isEqualTo(Period.ofMonths(3));
		assertThat(clock.period(RegulatoryPeriod.CERTIFICATE_VALIDITY)).isEqualTo(Period.ofYears(3));
		assertThat(clock.entries()).hasSize(RegulatoryPeriod.values().length)
			.allSatisfy((e) -> assertThat(e.clause()).isNotBlank())
			.allSatisfy((e) -> assertThat(e.meaning()).isNotBlank());
		// the 3-month postponement and the 6-month suspension limit are not in the seeds
		assertThat(RegulatoryPeriod.SURVEILLANCE_POSTPONEMENT.origin())
			.isEqualTo(RegulatoryPeriod.Origin.PRODUCT_DEFAULT);
		assertThat(RegulatoryPeriod.SUSPENSION_LIMIT.origin()).isEqualTo(RegulatoryPeriod.Origin.PRODUCT_DEFAULT);
		assertThat(RegulatoryPeriod.SURVEILLANCE_POSTPONEMENT.clause()).contains("CNCA").contains("种子规则未规定");
		assertThat(RegulatoryPeriod.SUSPENSION_LIMIT.clause()).contains("CNCA").contains("种子规则未规定");
		assertThat(clock.duration("SURVEILLANCE_POSTPONEMENT")).isEqualTo("P3M");
	}

	@Test
	@DisplayName("Issue 21.10: certflow.regulatory-clock.<name> changes a period everywhere it is read; a bad value stops the start")
	void shouldTakeAPeriodFromConfiguration() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("certflow.regulatory-clock.surveillance-postponement", "P2M")
			.withProperty("certflow.regulatory-clock.application-review", "P15D");
		RegulatoryClock clock = new RegulatoryClockConfiguration().regulatoryClock(environment);
		assertThat(clock.after(LocalDate.of(2027, 3, 10), RegulatoryPeriod.SURVEILLANCE_POSTPONEMENT))
			.isEqualTo(LocalDate.of(2027, 5, 10));
		assertThat(clock.after(LocalDate.of(2026, 3, 10), RegulatoryPeriod.APPLICATION_REVIEW))
			.isEqualTo(LocalDate.of(2026, 3, 25));
		assertThat(clock.entries()).filteredOn((e) -> e.name() == RegulatoryPeriod.APPLICATION_REVIEW)
			.singleElement()
			.satisfies((e) -> assertThat(e.value()).isEqualTo("P15D"))
			.satisfies((e) -> assertThat(e.defaultValue()).isEqualTo("P10D"))
			.satisfies((e) -> assertThat(e.property()).isEqualTo("certflow.regulatory-clock.application-review"));
		assertThatThrownBy(() -> RegulatoryClock.with(Map.of(RegulatoryPeriod.SUSPENSION_LIMIT, Period.ofMonths(-1))))
			.hasMessageContaining("certflow.regulatory-clock.suspension-limit");
	}

}
