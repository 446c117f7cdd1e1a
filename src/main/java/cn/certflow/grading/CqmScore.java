package cn.certflow.grading;

import java.math.BigDecimal;

/**
 * Service characteristic score of CQM 6.2.
 *
 * @param characteristicScore X, the sum of the 8 indicator scores (out of 100)
 * @param minIndicatorRatio lowest score / weight over the indicators (0–1), unrounded
 * @param weakestIndicator id of the indicator with that ratio
 */
public record CqmScore(BigDecimal characteristicScore, BigDecimal minIndicatorRatio, String weakestIndicator) {

}
