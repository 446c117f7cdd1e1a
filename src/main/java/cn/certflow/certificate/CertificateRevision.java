package cn.certflow.certificate;

import java.time.LocalDate;

/**
 * One version of a certificate; the one it replaced is recalled the day it is issued
 * (R-CHG-1, R-SUR-3).
 */
public record CertificateRevision(int revision, String holderName, String holderAddress, String scope,
		String ruleDocument, int stars, String grade, LocalDate issuedOn, LocalDate expiresOn, String reason,
		String issuedBy, LocalDate recalledOn, String recallReason) {
}
