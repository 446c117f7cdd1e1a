package cn.certflow.grading;

import java.util.Map;

/**
 * A certification scheme as declared in {@code schemes/schemes.json}: PCEC, ZHHT, CQM.
 *
 * @param id scheme id ({@code PCEC}, {@code ZHHT}, {@code CQM})
 * @param name display name
 * @param ruleDocument rule document (number and title)
 * @param ruleVersion rule version
 * @param standard standard the certificate names (GB/T 27922-2011)
 * @param scoring how the sheet is scored
 * @param sheet the score sheet
 * @param gradingDecisionKey DMN decision key that grades it
 * @param labels grade label per number of stars (0 = 不合格)
 */
public record Scheme(String id, String name, String ruleDocument, String ruleVersion, String standard,
		ScoringMethod scoring, ScoreSheet sheet, String gradingDecisionKey, Map<Integer, String> labels) {

	public Scheme {
		labels = Map.copyOf(labels);
	}

	/**
	 * Camunda Form id of the scoring form: {@code audit-scoring-pcec} or
	 * {@code audit-scoring-cqm}.
	 */
	public String scoringFormKey() {
		return this.scoring.formKey();
	}

}
