package cn.certflow.grading;

/**
 * The version of a decision table in force: the highest approved version (R-GRD-DMN).
 *
 * @param decisionKey decision key, e.g. {@code grade-pcec}
 * @param version version number of the decision definition
 * @param definitionId decision definition id to evaluate
 */
public record ApprovedDecision(String decisionKey, int version, String definitionId) {

}
