package cn.certflow.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import cn.certflow.security.Groups;

/** The Chinese names of the certification body's groups, as the pages say them. */
public final class GroupNames {

	private GroupNames() {
	}

	public static String of(String... groups) {
		return Arrays.stream(groups).map(GroupNames::name).collect(Collectors.joining("、"));
	}

	public static String name(String group) {
		return switch (group) {
			case Groups.REVIEWERS -> "认证评审员";
			case Groups.AUDITORS -> "审查员";
			case Groups.LEAD_AUDITORS -> "审查组长";
			case Groups.DECISION_MAKERS -> "认证决定人员";
			case Groups.QUALITY_MANAGERS -> "质量经理";
			case Groups.MANAGERS -> "管理者";
			case Groups.ADMINS -> "系统管理员";
			default -> group;
		};
	}

}
