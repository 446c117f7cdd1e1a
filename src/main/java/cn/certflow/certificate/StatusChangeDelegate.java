package cn.certflow.certificate;

import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A service task that moves the certificate to one status, with the step's
 * {@code statusReason} (R-SUS-1).
 */
abstract class StatusChangeDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final StatusActor actor;

	private final CertificateStatus to;

	StatusChangeDelegate(CertificateService certificates, StatusActor actor, CertificateStatus to) {
		this.certificates = certificates;
		this.actor = actor;
		this.to = to;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = this.certificates.forProcess(execution).number();
		String reason = CertificateLifecycle.STATUS_REASON.from(execution).getOrNull();
		this.certificates.changeStatus(number, this.to, this.actor.of(execution),
				(reason != null && !reason.isBlank()) ? reason : defaultReason(), StatusHistory.Process.of(execution));
	}

	abstract String defaultReason();

}
