package cn.certflow.certificate;

import java.util.Set;

/**
 * Status of a certificate as the public sees it (R-CERT-2, PCEC 12.3), and the changes
 * R-SUS-1 allows: a valid or suspended certificate may be suspended/lifted, withdrawn
 * (撤销), cancelled (注销) or expire; the last three are final.
 */
public enum CertificateStatus {

	VALID, SUSPENDED, WITHDRAWN, CANCELLED, EXPIRED;

	public boolean canBecome(CertificateStatus next) {
		return switch (this) {
			case VALID -> Set.of(SUSPENDED, WITHDRAWN, CANCELLED, EXPIRED).contains(next);
			case SUSPENDED -> Set.of(VALID, WITHDRAWN, CANCELLED, EXPIRED).contains(next);
			default -> false;
		};
	}

	/** Withdrawn, cancelled or expired: nothing more can happen to it. */
	public boolean isFinal() {
		return this == WITHDRAWN || this == CANCELLED || this == EXPIRED;
	}

}
