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

	/**
	 * Client accounts (issue 18): the client portal and {@code /api/client} only; no
	 * webapp, no engine REST API, no staff API. Not one of {@link #ALL}, the staff
	 * groups.
	 */
	public static final String CLIENTS = "clients";

	/**
	 * The prefix of a client's own group ({@link #client(String)}): every account of the
	 * client is a member; the client's user tasks name it as candidate group.
	 */
	public static final String CLIENT_GROUP_PREFIX = "client-";

	/**
	 * The group of every account of the client with this unified social credit code,
	 * {@code client-<creditCode>} (issue 18): candidate group of the client's tasks.
	 */
	public static String client(String creditCode) {
		return CLIENT_GROUP_PREFIX + creditCode;
	}

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
			case CLIENTS -> "客户 Clients";
			default -> group;
		};
	}

	private Groups() {
	}

}
