package cn.certflow.grading;

/**
 * How a scheme's score sheet is filled in and which Tasklist form scores it.
 */
public enum ScoringMethod {

	/** GB/T 27922-2011 49-item sheet, items 0..points or 不适用 (R-GRD-PCEC-1). */
	GBT27922_SHEET("audit-scoring-pcec"),

	/**
	 * CQM service characteristics 4.1.1–4.1.8 plus survey and history facts
	 * (R-GRD-CQM-1).
	 */
	CQM_CHARACTERISTICS("audit-scoring-cqm");

	private final String formKey;

	ScoringMethod(String formKey) {
		this.formKey = formKey;
	}

	public String formKey() {
		return this.formKey;
	}

}
