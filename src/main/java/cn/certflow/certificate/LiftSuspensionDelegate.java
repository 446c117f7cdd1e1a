package cn.certflow.certificate;

import org.springframework.stereotype.Component;

/**
 * The cause of the suspension is cleared and verified: the certificate is valid again
 * (R-SUS-1).
 */
@Component
class LiftSuspensionDelegate extends StatusChangeDelegate {

	LiftSuspensionDelegate(CertificateService certificates, StatusActor actor) {
		super(certificates, actor, CertificateStatus.VALID);
	}

	@Override
	String defaultReason() {
		return "暂停原因已消除并经验证，恢复 (suspension lifted after verification)";
	}

}
