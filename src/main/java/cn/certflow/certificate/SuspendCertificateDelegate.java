package cn.certflow.certificate;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Suspends the certificate (R-SUS-1, PCEC 12.3), by the CB or at the client's request;
 * the suspension may last {@code certflow.suspension-months} (6), by which the cause must
 * be cleared.
 */
@Component
class SuspendCertificateDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final CurrentUser currentUser;

	private final LifecycleSettings settings;

	SuspendCertificateDelegate(CertificateService certificates, CurrentUser currentUser, LifecycleSettings settings) {
		this.certificates = certificates;
		this.currentUser = currentUser;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = this.certificates.forProcess(execution).number();
		String requestedBy = CertificateSuspension.REQUESTED_BY.from(execution).getOrDefault("CB");
		String actor = CertificateLifecycle.ACTOR.from(execution).getOrDefault(this.currentUser.id());
		String reason = CertificateSuspension.SUSPENSION_REASON.from(execution).getOrDefault("");
		this.certificates.changeStatus(number, CertificateStatus.SUSPENDED, actor,
				"暂停 (" + ("CLIENT".equals(requestedBy) ? "获证组织申请" : "认证机构决定") + "): " + reason,
				StatusHistory.Process.of(execution));
		CertificateSuspension.SUSPENSION_END_DATE.on(execution)
			.set(EngineTime.toDate(this.settings.suspensionEndsAt(EngineTime.now())));
	}

}
