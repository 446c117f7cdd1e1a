package cn.certflow.grading;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Result of scoring the GB/T 27922 sheet.
 *
 * @param earned points earned on applicable items
 * @param applicable points of applicable items
 * @param sheetScore earned / applicable × 100, unrounded
 * @param specialDeductions number of special deductions
 * @param specialStrengths number of special strengths recorded
 * @param strengthPoints the points the strengths add (PCEC 6.1: the one special bonus)
 * @param score sheet score − deductions + strength points, within 0–100, unrounded
 */
public record PcecScore(BigDecimal earned, BigDecimal applicable, BigDecimal sheetScore, int specialDeductions,
		int specialStrengths, int strengthPoints, BigDecimal score) {

	/**
	 * The score to one decimal, cut (not rounded) so that it never shows a threshold not
	 * reached.
	 */
	public String displayScore() {
		return display(this.score);
	}

	static String display(BigDecimal value) {
		return value.setScale(1, RoundingMode.DOWN).toPlainString();
	}

}
