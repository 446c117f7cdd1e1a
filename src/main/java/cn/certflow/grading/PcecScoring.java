package cn.certflow.grading;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * R-GRD-PCEC-1/2 (PCEC 6.1): score = earned / applicable × 100 − one point per special
 * deduction + the special bonus point when at least one special strength is recorded,
 * clamped to 0–100; exact BigDecimal arithmetic, unrounded.
 */
public final class PcecScoring {

	static final MathContext PRECISION = MathContext.DECIMAL128;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/**
	 * PCEC 6.1: "可产生1分的特别加分项" — special strengths give one special bonus point in all,
	 * however many are recorded (unlike deductions, "每个特别扣分项…扣除1分").
	 */
	public static final int STRENGTH_POINTS = 1;

	/** PCEC 6.1: "每个特别扣分项在评分值之外扣除1分". */
	public static final int POINTS_PER_DEDUCTION = 1;

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
		BigDecimal sheetScore = earned.multiply(HUNDRED).divide(applicable, PRECISION);
		int deductions = input.deductions().size();
		int strengthPoints = strengthPoints(input.strengths().size());
		BigDecimal score = sheetScore.subtract(BigDecimal.valueOf((long) deductions * POINTS_PER_DEDUCTION))
			.add(BigDecimal.valueOf(strengthPoints))
			.max(BigDecimal.ZERO)
			.min(HUNDRED);
		return new PcecScore(earned, applicable, sheetScore, deductions, input.strengths().size(), strengthPoints,
				score);
	}

	/** The points that this many special strengths add (PCEC 6.1). */
	public static int strengthPoints(int strengths) {
		return (strengths > 0) ? STRENGTH_POINTS : 0;
	}

	static String variable(String itemId) {
		return ScoringVariables.ITEM_PREFIX + itemId.replace('.', '_');
	}

}
