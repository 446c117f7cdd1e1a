package cn.certflow.rules;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** R-AUD-2, PCEC 8.2.5: {@code rules/audit-termination.drl}. */
class AuditTerminationRulesTest {

	private final RulesService rules = Rules.SERVICE;

	@ParameterizedTest(name = "R-AUD-2 {0} alone terminates under {1}")
	@CsvSource({
			"LEGAL_VIOLATION_NOT_RECTIFIED, 8.2.5(1), Terminate when the client seriously violates the law and has not rectified it",
			"GOVERNMENT_PENALTY_AFTER_MAJOR_INCIDENT, 8.2.5(2), Terminate when the government penalised the client for a major incident or complaint",
			"SERIOUS_INCIDENT_ON_SITE, 8.2.5(3), Terminate when a serious incident on site stops the audit",
			"NO_SERVICE_ACTIVITY_IN_SCOPE, 8.2.5(4), Terminate when there is no service activity within the scope on site",
			"CLIENT_DOES_NOT_COOPERATE, 8.2.5(5), Terminate when the client does not cooperate",
			"FORCE_MAJEURE, 8.2.5(6), Terminate when force majeure stops the audit",
			"MATERIAL_MISMATCH_WITH_APPLICATION, 8.2.5(7), Terminate when the client differs materially from its application",
			"OTHER_CANNOT_COMPLETE, 8.2.5(8), Terminate when anything else prevents completing the certification" })
	void eachClauseAloneTerminates(ObservationKind kind, String clause, String rule) {
		TerminationRecommendation recommendation = this.rules
			.recommendTermination(List.of(new AuditObservation(kind, "seen by the lead auditor")));

		assertThat(recommendation.terminate()).isTrue();
		assertThat(recommendation.grounds())
			.containsExactly(new TerminationGround(clause, rule, "seen by the lead auditor"));
	}

	@ParameterizedTest(name = "R-AUD-2 {0} does not terminate")
	@EnumSource(names = { "MINOR_FINDING", "MAJOR_NONCONFORMITY", "LEGAL_VIOLATION_RECTIFIED",
			"INCIDENT_ON_SITE_AUDIT_CONTINUES" })
	void nonTerminatingObservationsDoNotTerminate(ObservationKind kind) {
		TerminationRecommendation recommendation = this.rules
			.recommendTermination(List.of(new AuditObservation(kind, "noted")));

		assertThat(recommendation.terminate()).isFalse();
		assertThat(recommendation.grounds()).isEmpty();
	}

	@Test
	void noObservationsNoTermination() {
		TerminationRecommendation recommendation = this.rules.recommendTermination(List.of());

		assertThat(recommendation.terminate()).isFalse();
		assertThat(recommendation.clauses()).isEmpty();
	}

	@Test
	void twoConditionsAtOnceReportBothClausesWithTheirEvidence() {
		TerminationRecommendation recommendation = this.rules.recommendTermination(
				List.of(new AuditObservation(ObservationKind.CLIENT_DOES_NOT_COOPERATE, "records refused"),
						new AuditObservation(ObservationKind.MINOR_FINDING, "signage"),
						new AuditObservation(ObservationKind.LEGAL_VIOLATION_NOT_RECTIFIED, "no business licence")));

		assertThat(recommendation.terminate()).isTrue();
		assertThat(recommendation.clauses()).containsExactly("8.2.5(1)", "8.2.5(5)");
		assertThat(recommendation.grounds()).extracting(TerminationGround::evidence)
			.containsExactly("no business licence", "records refused");
	}

	@Test
	void inputsAreNotChanged() {
		List<AuditObservation> observations = List.of(new AuditObservation(ObservationKind.FORCE_MAJEURE, "typhoon"));

		this.rules.recommendTermination(observations);

		assertThat(observations).containsExactly(new AuditObservation(ObservationKind.FORCE_MAJEURE, "typhoon"));
	}

	@Test
	void otherReasonNeedsEvidence() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new AuditObservation(ObservationKind.OTHER_CANNOT_COMPLETE, " "))
			.withMessageContaining("evidence");
	}

}
