package cn.certflow.security;

import java.util.List;

/**
 * The tasks a package puts into one of the saved Tasklist filters, registered as a bean
 * by the package owning the process (so that security depends on no business package);
 * {@link IdentityBootstrap} gathers them per filter.
 *
 * @param filter the filter the tasks are shown in
 * @param taskDefinitionKeys the user tasks' ids in the owning package's model
 */
public record TasklistFilterKeys(Filter filter, List<String> taskDefinitionKeys) {

	public TasklistFilterKeys(Filter filter, String... taskDefinitionKeys) {
		this(filter, List.of(taskDefinitionKeys));
	}

	/**
	 * The filters of work of one kind, with who sees them beside managers (who oversee
	 * every kind).
	 */
	public enum Filter {

		/**
		 * Every decision task (R-DEC-1): certification decisions, certificate audit
		 * decisions, lifting verifications.
		 */
		DECISIONS("待认证决定", 0, "等待认证决定的任务：初次认证、监督/再认证/变更审查后的决定、暂停恢复验证（R-DEC-1）", Groups.DECISION_MAKERS),
		/** Audits a lead auditor is to plan (initial, surveillance, special, change). */
		AUDITS_TO_PLAN("待策划的审查", 1, "待策划的现场审查（初次认证、监督、再认证、变更、特殊审查）", Groups.LEAD_AUDITORS),
		/** The steps of on-site audits under way. */
		RUNNING_AUDITS("进行中的审查", 2, "进行中的现场审查：首次会议、测评、评分、末次会议、整改验证", Groups.LEAD_AUDITORS),
		/** Terminations proposed by audit teams (R-AUD-2). */
		TERMINATIONS("待批准的终止审查", 3, "审查组提出、待质量经理批准的终止审查（R-AUD-2）", Groups.QUALITY_MANAGERS),
		/** Decision table changes awaiting a quality manager. */
		TABLE_APPROVALS("待审批的决策表变更", 4, "待质量经理审批或处理的决策表变更", Groups.QUALITY_MANAGERS),
		/** Appeals and complaints to decide (R-APL-1). */
		CASES("待处理的申诉与投诉", 5, "待调查并作出处理决定的申诉与投诉（R-APL-1）", Groups.QUALITY_MANAGERS),
		/**
		 * What the CB waits for from the client (issue 18 point 3), done by the client in
		 * the portal; reviewers and lead auditors see them, with their due dates.
		 */
		CLIENT_TASKS("客户待办", 6, "等待客户在客户门户中办理的事项（提交整改后的文件、不符合项整改措施和证据），按期限排序，逾期的在前；由客户完成，认证机构人员只能查看", Groups.REVIEWERS,
				Groups.LEAD_AUDITORS);

		private final String filterName;

		private final int priority;

		private final String description;

		private final List<String> groups;

		Filter(String filterName, int priority, String description, String... groups) {
			this.filterName = filterName;
			this.priority = priority;
			this.description = description;
			this.groups = List.of(groups);
		}

		/** The name shown in Tasklist. */
		public String filterName() {
			return this.filterName;
		}

		int priority() {
			return this.priority;
		}

		String description() {
			return this.description;
		}

		List<String> groups() {
			return this.groups;
		}

	}

}
