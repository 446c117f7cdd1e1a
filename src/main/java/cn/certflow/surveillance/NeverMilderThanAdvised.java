package cn.certflow.surveillance;

import java.util.List;

import cn.certflow.system.InvalidInputException;

/**
 * R-SUR-3: the decision after an audit may be more severe than the rules' recommendation
 * ({@link SanctionAdvice}) but never milder; an approval only where the rules advise one;
 * a downgrade keeps at least one star and stays below the certified grade; any departure
 * from the recommendation, a refusal, a suspension or a withdrawal needs written reasons.
 */
final class NeverMilderThanAdvised {

	private static final List<String> NEED_REASONS = List.of(CertificateAudit.REFUSE, CertificateAudit.SUSPEND,
			CertificateAudit.WITHDRAW);

	private NeverMilderThanAdvised() {
	}

	/**
	 * Refuses a surveillance decision milder than the advice, and an approval the rules
	 * do not advise.
	 */
	static void check(CertificateAudit.Kind kind, String decision, SanctionAdvice.Advice advised) {
		String field = CertificateAudit.DECISION.getName();
		if (kind.surveillance() && !SanctionAdvice.atLeastAsSevere(decision, advised.decision())) {
			throw new InvalidInputException(field, "the rules call for " + advised.decision() + " ("
					+ String.join("; ", advised.rules()) + "); a decision may be more severe, never milder (R-SUR-3)");
		}
		if (CertificateAudit.APPROVE.equals(decision) && !CertificateAudit.APPROVE.equals(advised.decision())) {
			throw new InvalidInputException(field, "cannot approve: " + String.join("; ", advised.rules()));
		}
	}

	/**
	 * The grade decided: the advised one, or for a downgrade the grade reached, between
	 * 1★ and one below the certified grade (below every grade the certificate is
	 * withdrawn).
	 */
	static Integer decidedStars(String decision, SanctionAdvice.Advice advised, Integer stars, int certified) {
		Integer decidedStars = advised.stars();
		if (CertificateAudit.DOWNGRADE.equals(decision)) {
			decidedStars = (decidedStars != null) ? decidedStars : stars;
			if (decidedStars == null || decidedStars < 1 || decidedStars >= certified) {
				throw new InvalidInputException(CertificateAudit.DECISION.getName(),
						"a downgrade needs a grade between 1★ and " + (certified - 1) + "★; the audit reached " + stars
								+ "★ — below every grade the certificate is withdrawn");
			}
		}
		return decidedStars;
	}

	/**
	 * Refuses a decision without reasons where reasons are needed: a departure from the
	 * advice, a refusal, a suspension, a withdrawal.
	 */
	static void reasons(String decision, SanctionAdvice.Advice advised, String reasons) {
		boolean needsReasons = !decision.equals(advised.decision()) || NEED_REASONS.contains(decision);
		if (needsReasons && (reasons == null || reasons.isBlank())) {
			throw new InvalidInputException(CertificateAudit.DECISION_REASONS.getName(),
					"reasons are needed for " + decision + ((decision.equals(advised.decision())) ? ""
							: " (the rules recommended " + advised.decision() + ")"));
		}
	}

}
