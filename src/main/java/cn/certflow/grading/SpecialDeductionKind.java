package cn.certflow.grading;

/** The four kinds of special deduction (特别扣分项) of PCEC 6.1, R-GRD-PCEC-2. */
public enum SpecialDeductionKind {

	LAW("不符合国家法律、法规的要求"),

	OWN_SERVICE_RULES("不符合企业有关服务制度的要求"),

	INDUSTRY_REQUIREMENTS("不符合行业专业性的特殊要求"),

	SERVICE_SYSTEM_EFFECT("对服务系统运行有影响的情况");

	private final String label;

	SpecialDeductionKind(String label) {
		this.label = label;
	}

	/** The clause's words. */
	public String label() {
		return this.label;
	}

}
