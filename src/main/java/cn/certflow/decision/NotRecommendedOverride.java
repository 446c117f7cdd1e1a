package cn.certflow.decision;

import static cn.certflow.application.InitialCertification.NOT_RECOMMENDED_OVERRIDE;

import cn.certflow.system.InvalidInputException;

/**
 * R-DEC-3 (PCEC 8.2.4, 9): an audit the team did not recommend ("不建议批准认证", signed by the
 * client) may be certified only with the decider's written reason, which is kept with the
 * decision and shown in the accreditation file — never silently.
 */
final class NotRecommendedOverride {

	static final String NOT_RECOMMENDED = "NOT_RECOMMENDED";

	private NotRecommendedOverride() {
	}

	/**
	 * The reason to record with the decision: the written reason when a not-recommended
	 * audit is certified, otherwise null (a reason given for anything else is not kept).
	 * @throws InvalidInputException naming the field when the reason is missing
	 */
	static String reasonFor(boolean certify, String auditOutcome, String reason) {
		if (!certify || !NOT_RECOMMENDED.equals(auditOutcome)) {
			return null;
		}
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException(NOT_RECOMMENDED_OVERRIDE.getName(),
					"审查组不建议批准认证：批准认证须书面写明理由（PCEC 8.2.4、9），该理由记入认证档案");
		}
		return reason.strip();
	}

}
