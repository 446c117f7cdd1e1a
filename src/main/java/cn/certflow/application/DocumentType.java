package cn.certflow.application;

/**
 * The documents an applicant submits (PCEC 6.2, ZHHT 5.1). Item (6) is needed only when
 * the client has any.
 */
public enum DocumentType {

	APPLICATION_FORM("服务认证申请书", true),

	BUSINESS_LICENSE("企业法人营业执照或事业单位法人证书复印件", true),

	COMPANY_PROFILE("企业介绍", true),

	ORGANISATION_CHART("企业组织机构图", true),

	SERVICE_MANAGEMENT_DOCUMENTS("现行有效的商品售后服务管理体系文件及文件清单", true),

	THIRD_PARTY_CERTIFICATES("已获得的第三方认证证书复印件（如有）", false),

	INTERNAL_AUDIT_REPORT("最近一次内部质量审核计划及报告", true),

	RELATED_SYSTEM_DOCUMENTS("现行有效的商品售后服务管理相关体系文件及文件清单", true),

	/**
	 * Evidence of the corrective action for a nonconformity (R-AUD-3), uploaded by the
	 * client in the portal (issue 18); not part of an application as submitted.
	 */
	CORRECTIVE_ACTION_EVIDENCE("不符合项整改证据", false);

	private final String title;

	private final boolean mandatory;

	DocumentType(String title, boolean mandatory) {
		this.title = title;
		this.mandatory = mandatory;
	}

	public String title() {
		return this.title;
	}

	public boolean mandatory() {
		return this.mandatory;
	}

}
