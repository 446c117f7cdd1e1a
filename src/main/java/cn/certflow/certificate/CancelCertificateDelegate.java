package cn.certflow.certificate;

import org.springframework.stereotype.Component;

/**
 * 注销: the certificate is cancelled at the client's request or for a missed transition
 * (R-SUS-1, R-CHG-1 (3)).
 */
@Component
class CancelCertificateDelegate extends StatusChangeDelegate {

	CancelCertificateDelegate(CertificateService certificates, StatusActor actor) {
		super(certificates, actor, CertificateStatus.CANCELLED);
	}

	@Override
	String defaultReason() {
		return "注销 (cancelled)";
	}

}
