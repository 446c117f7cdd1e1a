package cn.certflow.governance;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A past evaluation whose outcome the candidate version would change (issue 23).
 *
 * @param line position in the report, from 1
 * @param subject certificate number, else application number
 * @param subjectType {@code CERTIFICATE} or {@code APPLICATION}
 * @param application application number
 * @param certificate certificate number, null when none
 * @param client client name
 * @param evaluatedAt when the outcome was given
 * @param inputs the inputs, as given to both versions
 * @param before the outcome given
 * @param after the candidate's outcome, null when it gave none
 * @param ruleBefore the rule of the version in force that fired
 * @param ruleAfter the rule of the candidate that fires
 * @param difference after − before of the first numeric output (stars, person-days), null
 * when not numeric
 * @param error why the candidate gave no outcome, else null
 */
record ImpactChange(int line, String subject, String subjectType, String application, String certificate, String client,
		OffsetDateTime evaluatedAt, Map<String, Object> inputs, Map<String, Object> before, Map<String, Object> after,
		String ruleBefore, String ruleAfter, BigDecimal difference, String error) {

	/** One line for the Tasklist form: who, inputs, before → after, rule → rule. */
	String line(String noun) {
		String who = this.subject + ((this.client != null) ? " " + this.client : "")
				+ ((this.certificate != null && this.application != null) ? "（申请 " + this.application + "）" : "");
		String outcome = CaseRun.format(this.before) + " → "
				+ ((this.after != null) ? CaseRun.format(this.after) : "无结果：" + this.error);
		return "• " + who + "：" + CaseRun.format(this.inputs) + "；" + outcome + "；" + this.ruleBefore + " → "
				+ this.ruleAfter;
	}

}
