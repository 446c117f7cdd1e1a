package cn.certflow.grading;

import java.math.BigDecimal;
import java.util.Map;

/** R-GRD-CQM-1: X = sum of the indicator scores, and the lowest indicator ratio. */
public final class CqmScoring {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private CqmScoring() {
	}

	public static CqmScore score(Scheme scheme, CqmFacts facts) {
		Map<String, SheetItem> items = scheme.sheet().itemsById();
		for (String id : facts.indicatorScores().keySet()) {
			if (!items.containsKey(id)) {
				throw new InvalidScoreException(variable(id), "评价表 " + scheme.sheet().file() + " 中没有指标 " + id);
			}
		}
		BigDecimal x = BigDecimal.ZERO;
		BigDecimal minRatio = null;
		String weakest = null;
		for (SheetItem item : items.values()) {
			BigDecimal score = facts.indicatorScores().get(item.id());
			if (score == null) {
				throw new InvalidScoreException(variable(item.id()), item.id() + " " + item.indicator() + " 未评分");
			}
			if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(item.points())) > 0) {
				throw new InvalidScoreException(variable(item.id()),
						item.id() + " 得分 " + score.stripTrailingZeros().toPlainString() + " 超出 0–" + item.points());
			}
			x = x.add(score);
			BigDecimal ratio = score.divide(BigDecimal.valueOf(item.points()), PcecScoring.PRECISION);
			if (minRatio == null || ratio.compareTo(minRatio) < 0) {
				minRatio = ratio;
				weakest = item.id();
			}
		}
		percent(facts.surveyScore(), ScoringVariables.SURVEY_SCORE, "S");
		percent(facts.faceSurveyScore(), ScoringVariables.FACE_SURVEY_SCORE, "S_face");
		atMost(facts.liabilityAccidents12m(), ScoringVariables.LIABILITY_ACCIDENTS_12M, facts.liabilityAccidents24m(),
				ScoringVariables.LIABILITY_ACCIDENTS_24M);
		atMost(facts.negativeInfo12m(), ScoringVariables.NEGATIVE_INFO_12M, facts.negativeInfo24m(),
				ScoringVariables.NEGATIVE_INFO_24M);
		atMost(facts.negativeInfo24m(), ScoringVariables.NEGATIVE_INFO_24M, facts.negativeInfoTotal(),
				ScoringVariables.NEGATIVE_INFO_TOTAL);
		atMost(facts.majorComplaintsUnrectified(), ScoringVariables.MAJOR_COMPLAINTS_UNRECTIFIED,
				facts.majorComplaints(), ScoringVariables.MAJOR_COMPLAINTS);
		return new CqmScore(x, minRatio, weakest);
	}

	private static void percent(BigDecimal value, String field, String name) {
		if (value == null || value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
			throw new InvalidScoreException(field, name + " 必须在 0–100（%）之间，实为 " + value);
		}
	}

	private static void atMost(int part, String partField, int whole, String wholeField) {
		if (part < 0 || whole < 0) {
			throw new InvalidScoreException((part < 0) ? partField : wholeField, "次数不能为负数");
		}
		if (part > whole) {
			throw new InvalidScoreException(partField, partField + " " + part + " 不能大于 " + wholeField + " " + whole);
		}
	}

	static String variable(String indicatorId) {
		return ScoringVariables.INDICATOR_PREFIX + indicatorId.replace('.', '_');
	}

}
