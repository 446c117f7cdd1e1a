package cn.certflow.certificate;

import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * At the transition deadline: has the certificate been reissued under the new rule? If
 * not it is cancelled ({@link TransitionDeadline}, R-CHG-1 (3)).
 */
@Component
class CheckTransitionDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final TransitionDeadline deadline;

	private final StatusActor actor;

	CheckTransitionDelegate(CertificateService certificates, TransitionDeadline deadline, StatusActor actor) {
		this.certificates = certificates;
		this.deadline = deadline;
		this.actor = actor;
	}

	@Override
	public void execute(DelegateExecution execution) {
		boolean transitioned = this.deadline.reached(this.certificates.forProcess(execution),
				CertificateLifecycle.TRANSITION_RULE_DOCUMENT.from(execution).get(), this.actor.of(execution),
				StatusHistory.Process.of(execution));
		CertificateLifecycle.TRANSITIONED.on(execution).set(transitioned);
	}

}
