package cn.certflow.security;

/**
 * What the security setup needs to know of the certification process, registered as a
 * bean by the package that owns it (so that security depends on no business package): the
 * process reviewers may start, and the task of the certification decision that the
 * decision makers' Tasklist filter shows (R-DEC-1).
 *
 * @param processKey key of the process reviewers start
 * @param decisionTaskKey task definition key of the certification decision
 */
public record CertificationEntry(String processKey, String decisionTaskKey) {
}
