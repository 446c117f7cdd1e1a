package cn.certflow.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * STYLE 9: one KieBase from every DRL; a broken DRL stops the start-up naming file and
 * line.
 */
class RulesServiceTest {

	private static final String BROKEN = """
			package cn.certflow.rules;

			import cn.certflow.rules.AuditObservation;

			rule "Terminate when the rule is broken"
			when
			    AuditObservation( kind == )
			then
			end
			""";

	@TempDir
	Path folder;

	@Test
	void brokenDrlFailsNamingFileAndLine() throws IOException {
		Path broken = Files.writeString(this.folder.resolve("broken.drl"), BROKEN);

		assertThatExceptionOfType(RulesCompilationException.class)
			.isThrownBy(() -> new RulesService(List.of(new FileSystemResource(broken))))
			.withMessageContaining("broken.drl")
			.withMessageContaining(this.folder.toString())
			.withMessageContaining("line 7");
	}

	@Test
	void oneBrokenDrlLoadsNothingOfTheOthers() throws IOException {
		Path broken = Files.writeString(this.folder.resolve("broken.drl"), BROKEN);

		assertThatExceptionOfType(RulesCompilationException.class)
			.isThrownBy(() -> new RulesService(
					List.of(new ClassPathResource("rules/audit-termination.drl"), new FileSystemResource(broken))))
			.withMessageContaining("broken.drl")
			.withMessageNotContaining("audit-termination.drl");
	}

	@Test
	void loadsOnlyTheGivenFiles() {
		RulesService terminationOnly = new RulesService(List.of(new ClassPathResource("rules/audit-termination.drl")));

		assertThat(terminationOnly
			.recommendTermination(List.of(new AuditObservation(ObservationKind.FORCE_MAJEURE, "flood")))
			.terminate()).isTrue();
		assertThat(terminationOnly.recommendSanction(SanctionFacts.certified(5).withGovernmentBlacklist()).outcome())
			.isEqualTo(SanctionOutcome.KEEP);
	}

	@Test
	void classpathServiceLoadsAllThreeRuleFiles() {
		RulesService rules = Rules.SERVICE;

		assertThat(rules.recommendTermination(List.of(new AuditObservation(ObservationKind.FORCE_MAJEURE, "flood")))
			.terminate()).isTrue();
		assertThat(rules.recommendSanction(SanctionFacts.certified(5).withGovernmentBlacklist()).outcome())
			.as("CQM 6.4: 暂停或撤销 — the rules propose the suspension, the decider may withdraw")
			.isEqualTo(SanctionOutcome.SUSPEND);
		assertThat(rules.surveillanceTriggers(List.of(), true).reducedFrequencyAllowed()).isTrue();
	}

}
