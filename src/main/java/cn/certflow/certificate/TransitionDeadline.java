package cn.certflow.certificate;

import cn.certflow.system.StatusHistory;
import org.springframework.stereotype.Service;

/**
 * R-CHG-1 (3): a certificate not reissued under the new rule document by the transition
 * deadline is cancelled (a certificate already withdrawn, cancelled or expired stays as
 * it is).
 */
@Service
class TransitionDeadline {

	private final CertificateService certificates;

	TransitionDeadline(CertificateService certificates) {
		this.certificates = certificates;
	}

	/**
	 * Judges the certificate at the deadline and cancels it where it was not
	 * transitioned.
	 * @return whether it was transitioned to the rule document
	 */
	boolean reached(Certificate certificate, String rule, String actor, StatusHistory.Process process) {
		boolean transitioned = rule.equals(certificate.ruleDocument());
		if (!transitioned && !certificate.status().isFinal()) {
			this.certificates.changeStatus(certificate.number(), CertificateStatus.CANCELLED, actor,
					"未在转换期限前转换到 " + rule + "，注销 (R-CHG-1 (3))", process);
		}
		return transitioned;
	}

}
