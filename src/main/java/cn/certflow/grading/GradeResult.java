package cn.certflow.grading;

import java.math.BigDecimal;
import java.util.List;

/**
 * A grade and how it was reached (R-GRD-EXPLAIN, R-GRD-DMN).
 *
 * @param schemeId scheme graded
 * @param score score compared by the table, unrounded (PCEC/ZHHT: score after special
 * items; CQM: X)
 * @param displayScore score to one decimal (cut, not rounded)
 * @param stars stars awarded (0 = not certified; PCEC 达标级 = 2)
 * @param grade grade label from the decision table
 * @param decisionKey grading decision key
 * @param decisionVersion version of the decision definition evaluated
 * @param decisionDefinitionId id of the decision definition evaluated
 * @param explanation for each level above the awarded one, the first condition that
 * failed, then the awarded rule
 * @param characteristicScore CQM X, null for PCEC/ZHHT
 * @param minIndicatorRatio CQM lowest indicator ratio, null for PCEC/ZHHT
 */
public record GradeResult(String schemeId, BigDecimal score, String displayScore, int stars, String grade,
		String decisionKey, int decisionVersion, String decisionDefinitionId, List<String> explanation,
		BigDecimal characteristicScore, BigDecimal minIndicatorRatio) {

	public GradeResult {
		explanation = List.copyOf(explanation);
	}

}
