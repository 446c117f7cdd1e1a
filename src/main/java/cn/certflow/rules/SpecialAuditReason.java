package cn.certflow.rules;

/**
 * Output fact inserted by a rule of {@code surveillance-triggers.drl}: a reason for an
 * extra or special audit.
 *
 * @param clause e.g. {@code PCEC 10.2(2)}
 * @param rule the name of the rule that fired
 * @param reason why, in words, with the evidence
 */
public record SpecialAuditReason(String clause, String rule, String reason) {
}
