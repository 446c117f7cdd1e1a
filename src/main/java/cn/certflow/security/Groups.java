package cn.certflow.security;

import java.util.List;

/** The Camunda groups of a certification body (SPEC "Actors"). */
public final class Groups {

	public static final String REVIEWERS = "cb-reviewers";

	public static final String AUDITORS = "auditors";

	public static final String LEAD_AUDITORS = "lead-auditors";

	public static final String DECISION_MAKERS = "decision-makers";

	public static final String QUALITY_MANAGERS = "quality-managers";

	public static final String MANAGERS = "managers";

	public static final String ADMINS = "camunda-admin";

	static final List<String> ALL = List.of(REVIEWERS, AUDITORS, LEAD_AUDITORS, DECISION_MAKERS, QUALITY_MANAGERS,
			MANAGERS, ADMINS);

	static String displayName(String group) {
		return switch (group) {
			case REVIEWERS -> "认证评审员 Certification reviewers";
			case AUDITORS -> "审查员 Auditors";
			case LEAD_AUDITORS -> "审查组长 Lead auditors";
			case DECISION_MAKERS -> "认证决定人员 Decision makers";
			case QUALITY_MANAGERS -> "质量经理 Quality managers";
			case MANAGERS -> "管理者 Managers";
			case ADMINS -> "系统管理员 Administrators";
			default -> group;
		};
	}

	private Groups() {
	}

}
