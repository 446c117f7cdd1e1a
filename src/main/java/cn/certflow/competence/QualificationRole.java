package cn.certflow.competence;

/**
 * The roles a qualification is for (R-COMP-1, PCEC 8.1, ZHHT 5.2.1 c). A lead auditor's
 * qualification covers an auditor's; an auditor's or lead auditor's covers document
 * review (PCEC 8.1: "由审查组组长和/或具备相关专业能力的审查员进行文件评审").
 */
public enum QualificationRole {

	DOCUMENT_REVIEWER("文件评审人员"),

	AUDITOR("审查员"),

	LEAD_AUDITOR("审查组长"),

	DECIDER("认证决定人员");

	private final String title;

	QualificationRole(String title) {
		this.title = title;
	}

	public String title() {
		return this.title;
	}

	/** Whether a qualification for this role lets its holder act in {@code needed}. */
	public boolean covers(QualificationRole needed) {
		return this == needed || (this == LEAD_AUDITOR && needed == AUDITOR)
				|| (needed == DOCUMENT_REVIEWER && (this == AUDITOR || this == LEAD_AUDITOR));
	}

}
