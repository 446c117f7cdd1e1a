package cn.certflow.certificate;

/** Status of a certificate as the public sees it (R-CERT-2, PCEC 12.3). */
public enum CertificateStatus {

	VALID, SUSPENDED, WITHDRAWN, CANCELLED, EXPIRED

}
