package cn.certflow.certificate;

import org.springframework.stereotype.Component;

/** 撤销: the certificate is withdrawn for good (R-SUS-1, R-SUR-3). */
@Component
class WithdrawCertificateDelegate extends StatusChangeDelegate {

	WithdrawCertificateDelegate(CertificateService certificates, StatusActor actor) {
		super(certificates, actor, CertificateStatus.WITHDRAWN);
	}

	@Override
	String defaultReason() {
		return "撤销 (withdrawn)";
	}

}
