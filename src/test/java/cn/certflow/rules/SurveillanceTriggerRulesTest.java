package cn.certflow.rules;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** R-SUR-2, PCEC 10.2: {@code rules/surveillance-triggers.drl}. */
class SurveillanceTriggerRulesTest {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

	private static final String REPEATED = "Special audit when the client receives two or more complaints within twelve months";

	private static final String REDUCED = "Fewer surveillance audits for a recertified client without complaints";

	private final RulesService rules = Rules.SERVICE;

	@ParameterizedTest(name = "R-SUR-2 {0} alone requires a special audit ({1})")
	@CsvSource({
			"SERIOUS_ACCIDENT_PROVEN, PCEC 10.2(1), Special audit when a serious accident is proven the client's fault",
			"MEDIA_EXPOSURE_PROVEN, PCEC 10.2(1), Special audit when media exposure is proven the client's fault",
			"SERIOUS_COMPLAINT_PROVEN, PCEC 10.2(1), Special audit when a customer complaint is proven the client's fault",
			"LEGAL_PERSON_CHANGED, PCEC 10.2(2), Special audit when the client undergoes a major change",
			"ORGANISATION_CHANGED, PCEC 10.2(2), Special audit when the client undergoes a major change",
			"FUNCTIONS_CHANGED, PCEC 10.2(2), Special audit when the client undergoes a major change",
			"SERVICE_RESOURCES_CHANGED, PCEC 10.2(2), Special audit when the client undergoes a major change",
			"CERTIFICATION_BASIS_CHANGED, PCEC 10.2(3), Special audit when the certification basis changes",
			"OTHER_SPECIAL_CIRCUMSTANCE, PCEC 10.2(5), Special audit when another special circumstance arises" })
	void eachTriggerAloneRequiresASpecialAudit(SurveillanceEventKind kind, String clause, String rule) {
		for (boolean recertifiedWithoutComplaints : new boolean[] { false, true }) {
			SurveillanceTriggers triggers = this.rules.surveillanceTriggers(
					List.of(new SurveillanceEvent(kind, DAY, "recorded")), recertifiedWithoutComplaints);

			assertThat(triggers.specialAuditRequired()).isTrue();
			assertThat(triggers.reasons()).singleElement().satisfies((reason) -> {
				assertThat(reason.clause()).isEqualTo(clause);
				assertThat(reason.rule()).isEqualTo(rule);
				assertThat(reason.reason()).contains("recorded").contains(DAY.toString());
			});
			assertThat(triggers.reducedFrequencyAllowed()).isFalse();
		}
	}

	@Test
	void noEventsNoSpecialAudit() {
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(List.of(), false);

		assertThat(triggers.specialAuditRequired()).isFalse();
		assertThat(triggers.reasons()).isEmpty();
		assertThat(triggers.reducedFrequencyAllowed()).isFalse();
	}

	@Test
	void oneUnprovenComplaintIsNoTrigger() {
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(
				List.of(new SurveillanceEvent(SurveillanceEventKind.COMPLAINT_RECEIVED, DAY, "late repair")), false);

		assertThat(triggers.specialAuditRequired()).isFalse();
	}

	@Test
	void twoComplaintsWithinTwelveMonthsRequireASpecialAuditOnce() {
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(
				List.of(new SurveillanceEvent(SurveillanceEventKind.COMPLAINT_RECEIVED, DAY, "late repair"),
						new SurveillanceEvent(SurveillanceEventKind.COMPLAINT_RECEIVED, DAY.plusMonths(11),
								"rude staff"),
						new SurveillanceEvent(SurveillanceEventKind.COMPLAINT_RECEIVED, DAY.plusMonths(12).minusDays(1),
								"no spare parts")),
				false);

		assertThat(triggers.specialAuditRequired()).isTrue();
		assertThat(triggers.rules()).containsExactly(REPEATED);
		assertThat(triggers.reasons().get(0).clause()).isEqualTo("PCEC 10.2(4)");
		assertThat(triggers.reasons().get(0).reason()).contains("within twelve months");
	}

	@Test
	void twoComplaintsTwelveMonthsApartAreNotRepeated() {
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(List.of(
				new SurveillanceEvent(SurveillanceEventKind.COMPLAINT_RECEIVED, DAY, "late repair"),
				new SurveillanceEvent(SurveillanceEventKind.COMPLAINT_RECEIVED, DAY.plusMonths(12), "rude staff")),
				false);

		assertThat(triggers.specialAuditRequired()).isFalse();
	}

	@Test
	void aProvenComplaintCountsTowardsRepeatedComplaints() {
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(
				List.of(new SurveillanceEvent(SurveillanceEventKind.COMPLAINT_RECEIVED, DAY, "late repair"),
						new SurveillanceEvent(SurveillanceEventKind.SERIOUS_COMPLAINT_PROVEN, DAY.plusMonths(2),
								"overcharged")),
				false);

		assertThat(triggers.rules()).containsExactlyInAnyOrder(
				"Special audit when a customer complaint is proven the client's fault", REPEATED);
	}

	@Test
	void severalTriggersAreAllReportedByClause() {
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(List.of(
				new SurveillanceEvent(SurveillanceEventKind.CERTIFICATION_BASIS_CHANGED, DAY, "GB/T 27922 revised"),
				new SurveillanceEvent(SurveillanceEventKind.LEGAL_PERSON_CHANGED, DAY, "new owner")), true);

		assertThat(triggers.reasons()).extracting(SpecialAuditReason::clause)
			.containsExactly("PCEC 10.2(2)", "PCEC 10.2(3)");
		assertThat(triggers.reducedFrequencyAllowed()).isFalse();
	}

	@Test
	void recertifiedWithoutComplaintsMayHaveFewerAudits() {
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(List.of(), true);

		assertThat(triggers.specialAuditRequired()).isFalse();
		assertThat(triggers.reducedFrequencyAllowed()).isTrue();
		assertThat(triggers.reducedFrequency()).extracting(ReducedFrequency::rule).containsExactly(REDUCED);
	}

	@Test
	void aRecordedComplaintContradictsWithoutComplaintsSoNoReduction() {
		SurveillanceTriggers triggers = this.rules.surveillanceTriggers(
				List.of(new SurveillanceEvent(SurveillanceEventKind.COMPLAINT_RECEIVED, DAY, "late repair")), true);

		assertThat(triggers.specialAuditRequired()).isFalse();
		assertThat(triggers.reducedFrequencyAllowed()).isFalse();
	}

	@Test
	void otherCircumstanceNeedsEvidence() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SurveillanceEvent(SurveillanceEventKind.OTHER_SPECIAL_CIRCUMSTANCE, DAY, null))
			.withMessageContaining("evidence");
	}

}
