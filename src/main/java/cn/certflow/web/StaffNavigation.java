package cn.certflow.web;

import java.util.ArrayList;
import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.security.Groups;
import cn.certflow.security.WebappSession.StaffUser;

/**
 * The links of the staff pages' header (issue 19.6), each shown to the groups that may
 * open it: a plain list, so that other pages add a line here.
 */
public final class StaffNavigation {

	/** Who may search every application and certificate and open any client's page. */
	public static final String[] SEARCHERS = ApiAccess.SEE_EVERY_CERTIFICATE;

	/** Who keeps and reads the registers (conflicts of all, decision tables). */
	public static final String[] REGISTER_READERS = { Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS };

	/** Who opens a client's portal accounts (creates one, makes a set-password link). */
	public static final String[] ACCOUNT_KEEPERS = { Groups.REVIEWERS, Groups.ADMINS };

	/** Who sees the managers' dashboard. */
	public static final String[] DASHBOARD_READERS = { Groups.MANAGERS, Groups.QUALITY_MANAGERS, Groups.ADMINS };

	/**
	 * A header link.
	 *
	 * @param label what the link says
	 * @param href where it goes
	 */
	public record Link(String label, String href) {
	}

	private StaffNavigation() {
	}

	/** The links the person may follow, in the header's order. */
	public static List<Link> linksFor(StaffUser user) {
		List<Link> links = new ArrayList<>();
		links.add(new Link("Tasklist 任务", "/camunda/app/tasklist/default/"));
		if (user == null) {
			return links;
		}
		if (user.inAnyOf(SEARCHERS)) {
			links.add(new Link("查找申请和证书", "/staff/cases"));
		}
		links.add(new Link("利益冲突声明", "/staff/conflicts"));
		links.add(new Link("人员资格登记", "/staff/qualifications"));
		if (user.inAnyOf(REGISTER_READERS)) {
			links.add(new Link("决策表版本", "/staff/decision-tables"));
		}
		if (user.inAnyOf(DASHBOARD_READERS)) {
			links.add(new Link("管理看板", "/staff/dashboard"));
		}
		links.add(new Link("Cockpit 监控", "/camunda/app/cockpit/default/"));
		return links;
	}

}
