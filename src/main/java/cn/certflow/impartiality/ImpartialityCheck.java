package cn.certflow.impartiality;

import java.time.OffsetDateTime;

/**
 * One impartiality check of one person at a plan or decision that was taken, as the
 * accreditation file shows it. Refused plans and decisions change nothing, so every
 * recorded check is CLEAR.
 *
 * @param step AUDIT_PLAN or DECISION
 * @param role LEAD, MEMBER or DECIDER
 * @param kind DECLARED_CONFLICT (declared relationships with the client) or AUDIT_TEAM
 * (R-DEC-1)
 * @param result CLEAR
 * @param actedBy who planned the team, or who claimed / completed the decision
 */
public record ImpartialityCheck(String applicationNumber, Long auditId, String step, String person, String role,
		String kind, String result, String details, String actedBy, OffsetDateTime checkedAt) {

	public static final String AUDIT_PLAN = "AUDIT_PLAN";

	public static final String DECISION = "DECISION";

	public static final String DECLARED_CONFLICT = "DECLARED_CONFLICT";

	public static final String AUDIT_TEAM = "AUDIT_TEAM";

	public static final String CLEAR = "CLEAR";

}
