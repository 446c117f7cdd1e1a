package cn.certflow.notification;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.InitialCertification;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The certificate is issued: a notice to the client, in the same transaction as the
 * certificate (R-CERT-1).
 */
@Component
class CertificateIssuedNoticeListener implements ExecutionListener {

	private final ApplicationService applications;

	private final CertificateService certificates;

	CertificateIssuedNoticeListener(ApplicationService applications, CertificateService certificates) {
		this.applications = applications;
		this.certificates = certificates;
	}

	@Override
	public void notify(DelegateExecution execution) {
		ApplicationRecord application = this.applications.forProcess(execution.getProcessInstanceId());
		Certificate certificate = this.certificates.get(InitialCertification.CERTIFICATE_NUMBER.from(execution).get());
		this.applications.recordNotice(application.id(), "CERTIFICATE_ISSUED",
				certificate.holderName() + "：贵组织的售后服务认证证书 " + certificate.number() + "（" + certificate.grade() + "，"
						+ certificate.standard() + "）已于 " + certificate.issuedOn() + " 颁发，有效期至 "
						+ certificate.expiresOn() + "。证书信息可在本机构网站公开查询。",
				certificate.signatory());
	}

}
