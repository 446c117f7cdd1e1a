package cn.certflow.grading;

/** The special strengths (特别优势) of PCEC 6.1, R-GRD-PCEC-2. */
public enum SpecialStrengthKind {

	ABOVE_LEGAL_REQUIREMENTS("高于国家法律、法规的有关要求"),

	INDUSTRY_LEADING("处于行业领先");

	private final String label;

	SpecialStrengthKind(String label) {
		this.label = label;
	}

	/** The clause's words. */
	public String label() {
		return this.label;
	}

}
