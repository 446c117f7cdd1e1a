package cn.certflow.rules;

/**
 * Output fact inserted by a rule of {@code audit-termination.drl}: one reason to
 * terminate.
 *
 * @param clause the PCEC clause, e.g. {@code 8.2.5(4)}
 * @param rule the name of the rule that fired
 * @param evidence the evidence of the observation that matched
 */
public record TerminationGround(String clause, String rule, String evidence) {
}
