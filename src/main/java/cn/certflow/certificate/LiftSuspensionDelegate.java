package cn.certflow.certificate;

import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The cause of the suspension is cleared and verified: the certificate is valid again
 * (R-SUS-1), unless another cause of suspension is still open
 * ({@link CertificateSuspensions}).
 */
@Component
class LiftSuspensionDelegate implements JavaDelegate {

	static final String DEFAULT_REASON = "暂停原因已消除并经验证，恢复 (suspension lifted after verification)";

	private final CertificateService certificates;

	private final CertificateSuspensions suspensions;

	private final StatusActor actor;

	LiftSuspensionDelegate(CertificateService certificates, CertificateSuspensions suspensions, StatusActor actor) {
		this.certificates = certificates;
		this.suspensions = suspensions;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = this.certificates.forProcess(execution).number();
		String reason = CertificateLifecycle.STATUS_REASON.from(execution).getOrNull();
		this.suspensions.lift(number, this.actor.of(execution),
				(reason != null && !reason.isBlank()) ? reason : DEFAULT_REASON, StatusHistory.Process.of(execution));
	}

}
