package cn.certflow.grading;

/**
 * One special deduction (特别扣分项), PCEC 6.1, R-GRD-PCEC-2: one point off outside the sheet
 * score, and it "应进行整改" — it becomes a nonconformity of the audit.
 *
 * @param kind which of the clause's four kinds
 * @param description what was found
 * @param evidence where it was seen (record, document, observation)
 */
public record SpecialDeduction(SpecialDeductionKind kind, String description, String evidence) {

	/** The words of a nonconformity raised from this deduction. */
	public String asNonconformity() {
		return "特别扣分项（" + this.kind.label() + "）：" + this.description + "；证据：" + this.evidence;
	}

}
