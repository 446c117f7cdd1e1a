package cn.certflow.document;

import cn.certflow.web.Titled;

import java.util.Set;

import cn.certflow.system.InvalidInputException;

/**
 * The documents of an application's file: what the applicant submits (PCEC 6.2, ZHHT 5.1,
 * each scheme its own list) and what the reviewer keeps (R-CRED-1: the credit-information
 * screenshot, PCEC 7.1, ZHHT 5.2.1 a). A document marked "(如有)" or "(如适用)" is needed only
 * when the client has any.
 */
public enum DocumentType implements Titled {

	APPLICATION_FORM("服务认证申请书", Schemes.ALL, true),

	BUSINESS_LICENSE("企业法人营业执照或事业单位法人证书复印件", Schemes.ALL, true),

	COMPANY_PROFILE("企业介绍", Schemes.ALL, true),

	ORGANISATION_CHART("企业组织机构图", Schemes.PCEC_LIST, true),

	SERVICE_MANAGEMENT_DOCUMENTS("现行有效的商品售后服务管理体系文件及文件清单", Schemes.ALL, true),

	THIRD_PARTY_CERTIFICATES("已获得的第三方认证证书复印件（如有）", Schemes.NONE, true),

	INTERNAL_AUDIT_REPORT("最近一次内部质量审核计划及报告", Schemes.PCEC_LIST, true),

	RELATED_SYSTEM_DOCUMENTS("现行有效的商品售后服务管理相关体系文件及文件清单", Schemes.PCEC_LIST, true),

	/** ZHHT 5.1 a): licences and permits, the 3C certificate where applicable. */
	LICENCES_AND_PERMITS("相关许可资质证书（生产/经营许可证、安装资质、安全生产许可证、3C 证书、食品经营许可证等，如适用）", Schemes.NONE, true),

	/** ZHHT 5.1 d). */
	SERVICE_MANUAL("售后服务手册", Schemes.ZHHT_LIST, true),

	/** ZHHT 5.1 d). */
	CERTIFICATION_SCOPE("认证范围说明", Schemes.ZHHT_LIST, true),

	/** ZHHT 5.1 d). */
	SERVICE_BLUEPRINT("服务蓝图或服务流程图", Schemes.ZHHT_LIST, true),

	/**
	 * R-CRED-1 (PCEC 7.1, ZHHT 5.2.1 a): the screenshot of the credit-information
	 * lookups, kept by the reviewer in the client's file; needed to accept an application
	 * of any scheme.
	 */
	CREDIT_CHECK_SCREENSHOT("信用信息查询截图（国家企业信用信息公示系统、信用中国）", Schemes.ALL, false),

	/** R-CRED-1: proof that an administrative penalty was cleared (处罚已消除). */
	PENALTY_CLEARANCE_PROOF("行政处罚已消除的证明", Schemes.NONE, false),

	/** Issue 18: a certificate request's supporting documents (change, extension…). */
	REQUEST_SUPPORTING_DOCUMENT("变更、扩项等申请的证明文件", Schemes.NONE, false),

	/** Issue 18: the evidence of a nonconformity's correction and corrective action. */
	CORRECTIVE_ACTION_EVIDENCE("纠正及纠正措施的证据", Schemes.NONE, false),

	/** Issue 18: the material of an appeal or a complaint. */
	CASE_MATERIAL("申诉或投诉材料", Schemes.NONE, false),

	/** Any other document kept in a file. */
	OTHER("其他文件", Schemes.NONE, false);

	private final String title;

	private final Set<String> mandatoryFor;

	private final boolean fromApplicant;

	DocumentType(String title, Set<String> mandatoryFor, boolean fromApplicant) {
		this.title = title;
		this.mandatoryFor = mandatoryFor;
		this.fromApplicant = fromApplicant;
	}

	public String title() {
		return this.title;
	}

	/** Needed before acceptance for an application of this scheme. */
	public boolean mandatoryFor(String schemeId) {
		return this.mandatoryFor.contains(schemeId);
	}

	/** Needed before acceptance for an application of at least one scheme. */
	public boolean mandatory() {
		return !this.mandatoryFor.isEmpty();
	}

	/**
	 * Submitted by the applicant (the start form's checklist); the others are kept by the
	 * reviewer.
	 */
	public boolean fromApplicant() {
		return this.fromApplicant;
	}

	/**
	 * The type a client names ({@code BUSINESS_LICENSE}); an unknown or missing one is
	 * refused naming the field.
	 */
	public static DocumentType parse(String field, String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidInputException(field, "请选择文件类型");
		}
		try {
			return valueOf(name.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(field, "未知的文件类型 '" + name + "'（unknown document type）");
		}
	}

	/**
	 * The documents of a client's file (an application's or a certificate's): all but a
	 * request's, a corrective action's and a case's own material.
	 */
	public static Set<DocumentType> clientFile() {
		Set<DocumentType> types = java.util.EnumSet.allOf(DocumentType.class);
		types.removeAll(Set.of(REQUEST_SUPPORTING_DOCUMENT, CORRECTIVE_ACTION_EVIDENCE, CASE_MATERIAL));
		return types;
	}

	/** Which schemes need a document: PCEC 6.2 (also CQM's list), ZHHT 5.1. */
	private static final class Schemes {

		static final Set<String> ALL = Set.of("PCEC", "CQM", "ZHHT");

		static final Set<String> PCEC_LIST = Set.of("PCEC", "CQM");

		static final Set<String> ZHHT_LIST = Set.of("ZHHT");

		static final Set<String> NONE = Set.of();

	}

}
