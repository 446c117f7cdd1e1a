package cn.certflow.grading;

/** One special deduction (特别扣分项): −1 point, needs rectification (R-GRD-PCEC-2). */
public record SpecialDeduction(SpecialDeductionKind kind, String note) {

}
