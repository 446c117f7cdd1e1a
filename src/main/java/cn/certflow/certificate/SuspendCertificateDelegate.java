package cn.certflow.certificate;

import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Suspends the certificate (R-SUS-1, PCEC 12.3), by the CB or at the client's request;
 * the suspension may last {@link RegulatoryPeriod#SUSPENSION_LIMIT}, by which the cause
 * must be cleared. A further cause on a certificate already suspended is added to the
 * suspension ({@link CertificateSuspensions}).
 */
@Component
class SuspendCertificateDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final CertificateSuspensions suspensions;

	private final CurrentUser currentUser;

	private final RegulatoryClock clock;

	SuspendCertificateDelegate(CertificateService certificates, CertificateSuspensions suspensions,
			CurrentUser currentUser, RegulatoryClock clock) {
		this.certificates = certificates;
		this.suspensions = suspensions;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String number = this.certificates.forProcess(execution).number();
		String requestedBy = CertificateSuspension.REQUESTED_BY.from(execution).getOrDefault("CB");
		String actor = CertificateLifecycle.ACTOR.from(execution).getOrDefault(this.currentUser.id());
		String reason = CertificateSuspension.SUSPENSION_REASON.from(execution).getOrDefault("");
		this.suspensions.suspend(number, actor,
				"暂停 (" + ("CLIENT".equals(requestedBy) ? "获证组织申请" : "认证机构决定") + "): " + reason,
				StatusHistory.Process.of(execution));
		CertificateSuspension.SUSPENSION_END_DATE.on(execution)
			.set(EngineTime.toDate(this.clock.after(EngineTime.now(), RegulatoryPeriod.SUSPENSION_LIMIT)));
	}

}
