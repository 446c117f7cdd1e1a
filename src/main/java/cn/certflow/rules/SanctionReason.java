package cn.certflow.rules;

/**
 * Output fact inserted by a rule of {@code certificate-sanctions.drl}.
 *
 * @param clause the clause the rule applies, e.g. {@code PCEC 12.1(4)}
 * @param rule the name of the rule that fired
 * @param outcome what this rule alone calls for
 * @param stars the grade to downgrade to, only for {@link SanctionOutcome#DOWNGRADE}
 * @param reason why, in words
 */
public record SanctionReason(String clause, String rule, SanctionOutcome outcome, Integer stars, String reason) {
}
