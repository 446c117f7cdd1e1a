package cn.certflow.governance;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One past evaluation of the version in force, as the impact simulation re-evaluates it
 * (issue 23).
 *
 * @param application the application it was for, null when unknown
 * @param certificate the application's certificate (the latest one), null when none
 * @param client the client's name, null when unknown
 * @param evaluatedAt when it was evaluated (scored, planned)
 * @param inputs the variables the table was given
 * @param outcome the outcome that was given (output name → value)
 * @param problem why its inputs could not be recovered, else null
 */
record PastEvaluation(String application, String certificate, String client, OffsetDateTime evaluatedAt,
		Map<String, Object> inputs, Map<String, Object> outcome, String problem) {

	/**
	 * The certificate when there is one (a grade on it stands until the next audit), else
	 * the application.
	 */
	String subject() {
		if (this.certificate != null) {
			return this.certificate;
		}
		return (this.application != null) ? this.application : "（未关联申请）";
	}

	String subjectType() {
		return (this.certificate != null) ? "CERTIFICATE" : "APPLICATION";
	}

}
