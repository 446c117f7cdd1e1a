package cn.certflow.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.StatelessKieSession;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Owns the one Drools {@link KieBase} of CertFlow (STYLE 9): every
 * {@code rules/**}{@code /*.drl} on the classpath, compiled once when the bean is
 * created. A DRL that does not compile stops the start-up with a
 * {@link RulesCompilationException} naming the file, line and message; no rule of any
 * file is loaded then.
 * <p>
 * Each evaluation runs in its own stateless session. Inputs are inserted as facts and
 * never changed; rules report by inserting output facts ({@link TerminationGround},
 * {@link SanctionReason}, {@link SpecialAuditReason}, {@link ReducedFrequency}), which a
 * listener on the session collects as rules insert them. No globals.
 */
@Component
public class RulesService {

	/**
	 * Where the DRL files are; the pom packages the top-level {@code rules/} folder
	 * there.
	 */
	public static final String DRL_LOCATIONS = "classpath*:rules/**/*.drl";

	private static final String SOURCE_FOLDER = "src/main/resources/";

	private static final String PACKAGE_FOLDER = "cn/certflow/rules/";

	private final KieServices kieServices = KieServices.Factory.get();

	private final KieBase kieBase;

	/** Loads every DRL under {@link #DRL_LOCATIONS}. */
	public RulesService() {
		this(classpathRules());
	}

	/**
	 * Loads exactly these DRL files, e.g. a test's.
	 * @throws RulesCompilationException when any of them does not compile
	 */
	public RulesService(Collection<? extends Resource> drlFiles) {
		this.kieBase = build(drlFiles);
	}

	/**
	 * R-AUD-2, PCEC 8.2.5: whether the observations call for terminating the on-site
	 * audit.
	 * @param observations what the audit team observed; may be empty
	 */
	public TerminationRecommendation recommendTermination(List<AuditObservation> observations) {
		List<TerminationGround> grounds = evaluate(nonNullElements(observations, "observations"),
				TerminationGround.class);
		grounds.sort(Comparator.comparing(TerminationGround::clause)
			.thenComparing(TerminationGround::rule)
			.thenComparing(TerminationGround::evidence, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new TerminationRecommendation(!grounds.isEmpty(), grounds);
	}

	/**
	 * R-SUR-3, R-SUS-1, PCEC 12.1(4), 12.3: what to do with the certificate. The most
	 * severe outcome of all fired rules wins; every fired rule is reported.
	 */
	public SanctionRecommendation recommendSanction(SanctionFacts facts) {
		Objects.requireNonNull(facts, "facts are required");
		List<SanctionReason> reasons = evaluate(List.of(facts), SanctionReason.class);
		reasons.sort(Comparator.comparing(SanctionReason::outcome).reversed().thenComparing(SanctionReason::rule));
		SanctionOutcome outcome = SanctionOutcome.KEEP;
		Integer downgradeTo = null;
		for (SanctionReason reason : reasons) {
			if (reason.outcome().isMoreSevereThan(outcome)) {
				outcome = reason.outcome();
			}
			if (reason.outcome() == SanctionOutcome.DOWNGRADE
					&& (downgradeTo == null || reason.stars() < downgradeTo)) {
				downgradeTo = reason.stars();
			}
		}
		return new SanctionRecommendation(outcome, downgradeTo, reasons);
	}

	/**
	 * R-SUR-2, PCEC 10.2: whether events since the last audit call for an extra or
	 * special audit, and whether a recertified client without complaints may be audited
	 * less often.
	 */
	public SurveillanceTriggers surveillanceTriggers(List<SurveillanceEvent> events,
			boolean recertifiedWithoutComplaints) {
		List<Object> facts = new ArrayList<>(nonNullElements(events, "events"));
		facts.add(new SurveillanceContext(recertifiedWithoutComplaints));
		List<Object> output = evaluate(facts, Object.class);
		List<SpecialAuditReason> reasons = new ArrayList<>();
		List<ReducedFrequency> reduced = new ArrayList<>();
		for (Object fact : output) {
			if (fact instanceof SpecialAuditReason reason) {
				reasons.add(reason);
			}
			else if (fact instanceof ReducedFrequency frequency) {
				reduced.add(frequency);
			}
		}
		reasons.sort(Comparator.comparing(SpecialAuditReason::clause)
			.thenComparing(SpecialAuditReason::rule)
			.thenComparing(SpecialAuditReason::reason));
		return new SurveillanceTriggers(!reasons.isEmpty(), reasons, !reduced.isEmpty(), reduced);
	}

	private <T> List<T> evaluate(List<?> facts, Class<T> outputType) {
		List<T> output = new ArrayList<>();
		StatelessKieSession session = this.kieBase.newStatelessKieSession();
		session.addEventListener(new DefaultRuleRuntimeEventListener() {
			@Override
			public void objectInserted(ObjectInsertedEvent event) {
				Object fact = event.getObject();
				if (event.getRule() != null && isOutputFact(fact) && outputType.isInstance(fact)) {
					output.add(outputType.cast(fact));
				}
			}
		});
		session.execute(facts);
		return output;
	}

	private static boolean isOutputFact(Object fact) {
		return fact instanceof TerminationGround || fact instanceof SanctionReason || fact instanceof SpecialAuditReason
				|| fact instanceof ReducedFrequency;
	}

	private static <T> List<T> nonNullElements(List<T> list, String name) {
		Objects.requireNonNull(list, name + " are required");
		for (T element : list) {
			Objects.requireNonNull(element, name + " must not contain null");
		}
		return list;
	}

	private static List<Resource> classpathRules() {
		try {
			return List.of(new PathMatchingResourcePatternResolver().getResources(DRL_LOCATIONS));
		}
		catch (IOException ex) {
			throw new RulesCompilationException("Cannot list " + DRL_LOCATIONS, ex);
		}
	}

	private KieBase build(Collection<? extends Resource> drlFiles) {
		KieFileSystem files = this.kieServices.newKieFileSystem();
		ReleaseId releaseId = this.kieServices.newReleaseId("cn.certflow", "rules-" + UUID.randomUUID(), "1.0.0");
		files.generateAndWritePomXML(releaseId);
		Map<String, String> sourceByPath = new LinkedHashMap<>();
		for (Resource drl : drlFiles) {
			// the index keeps two files of the same name (e.g. from two jars) apart
			String path = PACKAGE_FOLDER + sourceByPath.size() + "-" + drl.getFilename();
			sourceByPath.put(path, describe(drl));
			files.write(SOURCE_FOLDER + path, this.kieServices.getResources().newByteArrayResource(read(drl)));
		}
		KieBuilder builder = this.kieServices.newKieBuilder(files).buildAll();
		List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
		if (!errors.isEmpty()) {
			StringBuilder message = new StringBuilder("Drools rules do not compile:");
			for (Message error : errors) {
				message.append(System.lineSeparator())
					.append(source(sourceByPath, error.getPath()))
					.append(", line ")
					.append(error.getLine())
					.append(": ")
					.append(error.getText());
			}
			throw new RulesCompilationException(message.toString());
		}
		KieContainer container = this.kieServices.newKieContainer(releaseId);
		KieBase base = container.getKieBase();
		this.kieServices.getRepository().removeKieModule(releaseId);
		return base;
	}

	private static String source(Map<String, String> sourceByPath, String path) {
		if (path == null) {
			return "(no file)";
		}
		String relative = path.startsWith(SOURCE_FOLDER) ? path.substring(SOURCE_FOLDER.length()) : path;
		return sourceByPath.getOrDefault(relative, path);
	}

	private static byte[] read(Resource drl) {
		try (InputStream in = drl.getInputStream()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new RulesCompilationException("Cannot read " + describe(drl), ex);
		}
	}

	private static String describe(Resource drl) {
		try {
			return drl.getURL().toString();
		}
		catch (IOException ex) {
			return drl.getDescription();
		}
	}

}
