package cn.certflow.grading;

/**
 * Which version of a decision table evaluations must use (R-GRD-DMN): the approved one,
 * never simply the latest deployed. GradingService, AuditTimeService and every business
 * rule task evaluate by the definition id given here.
 */
@FunctionalInterface
public interface ApprovedDecisions {

	/**
	 * The version in force.
	 * @throws IllegalStateException when no version of the decision has been approved
	 */
	ApprovedDecision inForce(String decisionKey);

}
