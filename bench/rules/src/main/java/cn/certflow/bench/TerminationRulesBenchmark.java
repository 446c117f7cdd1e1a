package cn.certflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.certflow.rules.AuditObservation;
import cn.certflow.rules.ObservationKind;
import cn.certflow.rules.RulesService;
import cn.certflow.rules.TerminationRecommendation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Throughput of R-AUD-2: {@link RulesService#recommendTermination} (the application's own
 * class, compiled from the root's src/main/java) on the production KieBase — every
 * rules/*.drl, copied into target/classes at build time, as RulesService's default
 * constructor loads them. As in production each call opens a new stateless session,
 * inserts the observations, fires, collects the inserted TerminationGrounds and sorts
 * them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TerminationRulesBenchmark {

	private RulesService rules;

	/**
	 * One observation calling for termination (PCEC 8.2.5(5), client does not cooperate),
	 * two that do not.
	 */
	private List<AuditObservation> oneTerminating;

	/** Three observations none of which calls for termination. */
	private List<AuditObservation> noneTerminating;

	@Setup(Level.Trial)
	public void setup() throws Exception {
		Resource[] drls = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*.drl");
		List<String> names = new ArrayList<>();
		for (Resource drl : drls) {
			names.add(drl.getFilename());
		}
		if (!names.contains("audit-termination.drl")) {
			throw new IllegalStateException("rules/audit-termination.drl not on the classpath: " + names);
		}
		System.out.println("[rules-bench] KieBase from " + names);
		rules = new RulesService(List.of(drls));

		oneTerminating = List.of(
				new AuditObservation(ObservationKind.MINOR_FINDING, "Complaint log not signed off for March"),
				new AuditObservation(ObservationKind.CLIENT_DOES_NOT_COOPERATE,
						"Refused access to the service records"),
				new AuditObservation(ObservationKind.MAJOR_NONCONFORMITY,
						"No service-level agreement for key accounts"));
		noneTerminating = List.of(
				new AuditObservation(ObservationKind.MINOR_FINDING, "Complaint log not signed off for March"),
				new AuditObservation(ObservationKind.MAJOR_NONCONFORMITY,
						"No service-level agreement for key accounts"),
				new AuditObservation(ObservationKind.LEGAL_VIOLATION_RECTIFIED,
						"Fire permit renewed after the last audit"));

		TerminationRecommendation yes = rules.recommendTermination(oneTerminating);
		if (!yes.terminate() || !yes.clauses().equals(List.of("8.2.5(5)")) || yes.grounds().size() != 1
				|| !"Refused access to the service records".equals(yes.grounds().get(0).evidence())) {
			throw new IllegalStateException("expected termination on 8.2.5(5) only, got " + yes);
		}
		TerminationRecommendation no = rules.recommendTermination(noneTerminating);
		if (no.terminate() || !no.grounds().isEmpty()) {
			throw new IllegalStateException("expected no termination, got " + no);
		}
	}

	@Benchmark
	public TerminationRecommendation terminationRules() {
		return rules.recommendTermination(oneTerminating);
	}

	@Benchmark
	public TerminationRecommendation terminationRulesNoTrigger() {
		return rules.recommendTermination(noneTerminating);
	}

}
