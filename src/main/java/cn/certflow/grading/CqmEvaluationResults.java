package cn.certflow.grading;

import java.math.BigDecimal;

/**
 * What the two on-site methods of CQM 5.1 other than the service-characteristic
 * evaluation give the grade (R-GRD-CQM-1, issue 20 point 10): read where they arise — the
 * management audit's result on the management-audit task, the customer perception survey
 * (CQM 5.4) on its own record — never retyped on the scoring form.
 */
public final class CqmEvaluationResults {

	private CqmEvaluationResults() {
	}

	/**
	 * The management audit (CQM 5.3): passed the conformity audit (通过符合性审核), and its
	 * serious nonconformities.
	 */
	public record ManagementAudit(boolean passed, int seriousNonconformities) {

		public String asText() {
			return "通过符合性审核：" + (this.passed ? "是" : "否") + "；严重不符合 " + this.seriousNonconformities + " 项";
		}

	}

	/** The customer perception survey (CQM 5.4, 注4): S and S_face, percent. */
	public record CustomerSurvey(BigDecimal surveyScore, BigDecimal faceSurveyScore) {

		public String asText() {
			return "顾客感知调查 S " + this.surveyScore.stripTrailingZeros().toPlainString() + "%；当面问卷调查 S当面 "
					+ this.faceSurveyScore.stripTrailingZeros().toPlainString() + "%";
		}

	}

}
