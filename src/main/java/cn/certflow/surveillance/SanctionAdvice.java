package cn.certflow.surveillance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.certflow.rules.RulesService;
import cn.certflow.rules.SanctionFacts;
import cn.certflow.rules.SanctionOutcome;
import cn.certflow.rules.SanctionRecommendation;
import org.springframework.stereotype.Component;

/**
 * What the rules recommend after an audit (R-SUR-3): for a surveillance, the sanction
 * rules on the grade reached and the facts known; an audit that ended not recommended or
 * terminated calls for at least a suspension (PCEC 8.2.4/8.2.5). For the other kinds,
 * approve only on a recommended audit with a grade (and, for an upgrade, a higher one).
 */
@Component
class SanctionAdvice {

	/** The recommendation and the rules behind it. */
	record Advice(String decision, Integer stars, List<String> rules) {
	}

	static final Map<String, SanctionOutcome> SEVERITY = Map.of(CertificateAudit.KEEP, SanctionOutcome.KEEP,
			CertificateAudit.DOWNGRADE, SanctionOutcome.DOWNGRADE, CertificateAudit.SUSPEND, SanctionOutcome.SUSPEND,
			CertificateAudit.WITHDRAW, SanctionOutcome.WITHDRAW);

	/** Facts a decision maker ticks (form certificate-audit-decision). */
	static final List<String> FACTS = List.of("MAJOR_COMPLAINT_NOT_RECTIFIED", "MAJOR_COMPLAINT_RECTIFIED",
			"CUSTOMER_INJURY_OR_DEATH", "GOVERNMENT_BLACKLIST", "CERTIFICATION_RULES_VIOLATED");

	private final RulesService rules;

	SanctionAdvice(RulesService rules) {
		this.rules = rules;
	}

	Advice advise(CertificateAudit.Kind kind, String auditOutcome, Integer stars, int certifiedStars,
			int requestedStars, List<String> facts) {
		boolean recommended = "RECOMMENDED".equals(auditOutcome);
		if (!kind.surveillance()) {
			boolean approve = recommended && stars != null && stars > 0
					&& (kind != CertificateAudit.Kind.UPGRADE || stars > certifiedStars);
			return new Advice(approve ? CertificateAudit.APPROVE : CertificateAudit.REFUSE,
					approve ? Math.min(stars, requestedStars) : null,
					List.of("audit " + auditOutcome + ", grade " + stars + (approve ? "" : ": not enough to approve")));
		}
		SanctionFacts known = SanctionFacts.certified(certifiedStars)
			.withGradedStars("TERMINATED".equals(auditOutcome) ? null : stars);
		for (String fact : facts) {
			known = switch (fact) {
				case "MAJOR_COMPLAINT_NOT_RECTIFIED" -> known.withMajorComplaint(false);
				case "MAJOR_COMPLAINT_RECTIFIED" -> known.withMajorComplaint(true);
				case "CUSTOMER_INJURY_OR_DEATH" -> known.withCustomerInjuryOrDeath();
				case "GOVERNMENT_BLACKLIST" -> known.withGovernmentBlacklist();
				case "CERTIFICATION_RULES_VIOLATED" -> known.withCertificationRulesViolated();
				default -> known;
			};
		}
		SanctionRecommendation recommendation = this.rules.recommendSanction(known);
		SanctionOutcome outcome = recommendation.outcome();
		List<String> fired = new ArrayList<>(recommendation.rules());
		if (!recommended && !outcome.equals(SanctionOutcome.WITHDRAW)
				&& SanctionOutcome.SUSPEND.compareTo(outcome) > 0) {
			outcome = SanctionOutcome.SUSPEND;
			fired.add("audit " + auditOutcome + ": suspend until a repeat audit (PCEC 8.2.4, 8.2.5)");
		}
		if (fired.isEmpty()) {
			fired.add("grade kept: " + stars + " ≥ certified " + certifiedStars);
		}
		return new Advice(outcome.name(),
				(outcome == SanctionOutcome.DOWNGRADE) ? recommendation.downgradeToStars() : null, fired);
	}

	/** A decision at least as severe as the recommended one (surveillance kinds). */
	static boolean atLeastAsSevere(String decision, String recommended) {
		return SEVERITY.get(decision).compareTo(SEVERITY.get(recommended)) >= 0;
	}

}
