package cn.certflow.rules;

/**
 * Fact: the client's certification history as far as audit frequency is concerned (PCEC
 * 10.2).
 *
 * @param recertifiedWithoutComplaints the client holds a recertified certificate and had
 * no complaints during its validity
 */
public record SurveillanceContext(boolean recertifiedWithoutComplaints) {
}
