package cn.certflow.certificate;

import org.springframework.stereotype.Component;

/**
 * The validity ended without a renewal: the certificate expires by itself (R-CERT-1,
 * R-REC-1, PCEC 13.2).
 */
@Component
class ExpireCertificateDelegate extends StatusChangeDelegate {

	ExpireCertificateDelegate(CertificateService certificates, StatusActor actor) {
		super(certificates, actor, CertificateStatus.EXPIRED);
	}

	@Override
	String defaultReason() {
		return "有效期届满，未完成再认证 (validity ended without recertification)";
	}

}
