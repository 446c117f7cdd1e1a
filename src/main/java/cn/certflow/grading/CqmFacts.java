package cn.certflow.grading;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Everything CQM 6.2 grades on (R-GRD-CQM-1).
 *
 * @param indicatorScores score per indicator id ({@code 4.1.1} …), 0..its weight
 * @param surveyScore customer survey S, percent 0–100
 * @param faceSurveyScore face-to-face survey S_face, percent 0–100
 * @param managementAuditPassed 通过符合性审核
 * @param seriousNonconformities serious nonconformities in the management audit
 * @param operatingMonths months the organisation has operated
 * @param liabilityAccidents12m liability accidents in the year before the on-site
 * evaluation
 * @param liabilityAccidents24m liability accidents in the 2 years before (includes the
 * last year)
 * @param negativeInfo12m negative after-sales information in the last year
 * @param negativeInfo24m negative after-sales information in the last 2 years (includes
 * the last year)
 * @param negativeInfoTotal negative after-sales information at any time (includes the
 * above)
 * @param majorComplaints major complaints
 * @param majorComplaintsUnrectified major complaints not effectively rectified
 */
public record CqmFacts(Map<String, BigDecimal> indicatorScores, BigDecimal surveyScore, BigDecimal faceSurveyScore,
		boolean managementAuditPassed, int seriousNonconformities, int operatingMonths, int liabilityAccidents12m,
		int liabilityAccidents24m, int negativeInfo12m, int negativeInfo24m, int negativeInfoTotal, int majorComplaints,
		int majorComplaintsUnrectified) implements ScoreInput {

	public CqmFacts {
		indicatorScores = Map.copyOf(indicatorScores);
	}

}
