package cn.certflow.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * R-GRD-PCEC-1/2: score = earned / applicable × 100 − special deductions + special
 * strengths, clamped to 0–100; exact BigDecimal arithmetic, unrounded.
 */
public final class PcecScoring {

	static final MathContext PRECISION = MathContext.DECIMAL128;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private PcecScoring() {
	}

	public static PcecScore score(Scheme scheme, PcecScoreInput input) {
		ScoreSheet sheet = scheme.sheet();
		Map<String, SheetItem> items = sheet.itemsById();
		for (String id : input.items().keySet()) {
			if (!items.containsKey(id)) {
				throw new InvalidScoreException(variable(id), "评分表 " + sheet.file() + " 中没有条款 " + id);
			}
		}
		BigDecimal earned = BigDecimal.ZERO;
		BigDecimal applicable = BigDecimal.ZERO;
		for (SheetItem item : items.values()) {
			ItemScore score = input.items().get(item.id());
			if (score == null) {
				throw new InvalidScoreException(variable(item.id()), item.id() + " 未评分（请给分或选“不适用”）");
			}
			if (!score.applicable()) {
				continue;
			}
			if (score.earned() < 0 || score.earned() > item.points()) {
				throw new InvalidScoreException(variable(item.id()),
						item.id() + " 得分 " + score.earned() + " 超出 0–" + item.points());
			}
			earned = earned.add(BigDecimal.valueOf(score.earned()));
			applicable = applicable.add(BigDecimal.valueOf(item.points()));
		}
		if (applicable.signum() == 0) {
			throw new InvalidScoreException("items", "没有适用的评分项：全部条款都选了“不适用”，无法计算得分");
		}
		if (input.specialStrengths() < 0) {
			throw new InvalidScoreException(ScoringVariables.SPECIAL_STRENGTHS, "特别加分项不能为负数");
		}
		BigDecimal sheetScore = earned.multiply(HUNDRED).divide(applicable, PRECISION);
		int deductions = input.deductions().size();
		BigDecimal score = sheetScore.subtract(BigDecimal.valueOf(deductions))
			.add(BigDecimal.valueOf(input.specialStrengths()))
			.max(BigDecimal.ZERO)
			.min(HUNDRED);
		return new PcecScore(earned, applicable, sheetScore, deductions, input.specialStrengths(), score);
	}

	static String variable(String itemId) {
		return ScoringVariables.ITEM_PREFIX + itemId.replace('.', '_');
	}

}
