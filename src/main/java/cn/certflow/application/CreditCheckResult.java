package cn.certflow.application;

/** R-CRED-1: what a credit-information lookup found. */
public enum CreditCheckResult {

	/** Not listed / no administrative penalty. */
	CLEAR("未发现"),

	/** On the abnormal-operation or the serious-violation list. */
	LISTED("已列入"),

	/** An administrative penalty, with the proof that it was cleared (处罚已消除). */
	PENALTY_CLEARED("有行政处罚，已消除"),

	/** An administrative penalty not (yet) shown to be cleared. */
	PENALTY_OPEN("有行政处罚，未消除");

	private final String title;

	CreditCheckResult(String title) {
		this.title = title;
	}

	public String title() {
		return this.title;
	}

}
