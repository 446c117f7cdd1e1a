package cn.certflow.grading;

/**
 * One special strength (特别优势) found in the evaluation, PCEC 6.1, R-GRD-PCEC-2. The
 * strengths together give the one special bonus point of the clause
 * ({@link PcecScoring#STRENGTH_POINTS}).
 *
 * @param kind which of the clause's two cases
 * @param description what was found
 * @param evidence where it was seen
 */
public record SpecialStrength(SpecialStrengthKind kind, String description, String evidence) {

}
