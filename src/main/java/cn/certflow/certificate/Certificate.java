package cn.certflow.certificate;

import java.time.LocalDate;

/** A certificate with the fields of PCEC 13.1 (R-CERT-1). */
public record Certificate(String number, long applicationId, int revision, String certificationBody, String holderName,
		String holderAddress, String creditCode, String scope, String scheme, String ruleDocument, String standard,
		int stars, String grade, String decisionKey, int decisionVersion, String gradeExplanation, LocalDate issuedOn,
		LocalDate expiresOn, String signatory, CertificateStatus status) {

	/**
	 * Status as of a day: a valid certificate past its validity is expired (PCEC 13.2).
	 */
	public CertificateStatus statusOn(LocalDate day) {
		return (this.status == CertificateStatus.VALID && day.isAfter(this.expiresOn)) ? CertificateStatus.EXPIRED
				: this.status;
	}

}
