package cn.certflow.rules;

/**
 * Output fact inserted by {@code surveillance-triggers.drl} when surveillance may be less
 * frequent.
 *
 * @param clause {@code PCEC 10.2}
 * @param rule the name of the rule that fired
 * @param reason why, in words
 */
public record ReducedFrequency(String clause, String rule, String reason) {
}
