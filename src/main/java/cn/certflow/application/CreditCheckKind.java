package cn.certflow.application;

/**
 * R-CRED-1 (PCEC 7.1, ZHHT 5.2.1 a): the three credit-information lookups of an
 * application review, each with its form field.
 */
public enum CreditCheckKind {

	/** 行政处罚. */
	ADMINISTRATIVE_PENALTY("行政处罚", InitialCertification.CREDIT_PENALTY.getName()),

	/** 列入经营异常名录. */
	ABNORMAL_OPERATION_LIST("经营异常名录", InitialCertification.CREDIT_ABNORMAL_LIST.getName()),

	/** 列入严重违法失信名单（黑名单）. */
	SERIOUS_VIOLATION_LIST("严重违法失信名单", InitialCertification.CREDIT_SERIOUS_LIST.getName());

	private final String title;

	private final String field;

	CreditCheckKind(String title, String field) {
		this.title = title;
		this.field = field;
	}

	public String title() {
		return this.title;
	}

	/** The review form's field for this lookup's result. */
	public String field() {
		return this.field;
	}

}
