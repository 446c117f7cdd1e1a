package cn.certflow.surveillance;

import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateService;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The decider suspends the certificate (R-SUR-3, PCEC 12.3): the suspension goes to the
 * certificate's lifecycle as a suspension by the CB, with the decision's reasons, and
 * runs there on its own (lifting or withdrawal); the audit closes now, so an annual
 * surveillance that ends in suspension is done (issue 21 point 5: no overdue escalation,
 * no second suspension when its postponement limit passes).
 */
@Component
class SuspendAfterAuditDelegate implements JavaDelegate {

	private final CertificateRequests requests;

	private final CertificateService certificates;

	private final CurrentUser currentUser;

	SuspendAfterAuditDelegate(CertificateRequests requests, CertificateService certificates, CurrentUser currentUser) {
		this.requests = requests;
		this.certificates = certificates;
		this.currentUser = currentUser;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.requests.suspend(this.certificates.forProcess(execution).number(),
				new CertificateRequests.ReasonBody(CertificateAudit.DECISION_REASONS.from(execution).get(), "CB"),
				this.currentUser.id());
	}

}
