package cn.certflow.surveillance;

import cn.certflow.audit.AuditService;

import cn.certflow.certificate.CertificateService;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Surveillance below the certified grade: the certificate is reissued at the lower grade,
 * the old one recalled (R-SUR-3, R-CHG-1 (4)).
 */
@Component
class DowngradeCertificateDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final CurrentUser currentUser;

	private final AuditService audits;

	DowngradeCertificateDelegate(CertificateService certificates, CurrentUser currentUser, AuditService audits) {
		this.certificates = certificates;
		this.currentUser = currentUser;
		this.audits = audits;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int stars = CertificateAudit.DECIDED_STARS.from(execution).get();
		this.certificates.reissue(this.certificates.forProcess(execution).number(),
				CertificateService.Reissue.stars(stars).gradedBy(this.audits.currentAudit(execution).id()),
				"监督降级 (R-SUR-3, R-CHG-1 (4)): " + CertificateAudit.DECISION_REASONS.from(execution).get(),
				this.currentUser.id(), StatusHistory.Process.of(execution));
	}

}
