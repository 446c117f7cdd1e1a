package cn.certflow.certificate;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who a status change is recorded under: the requester named on the step, else the
 * current user, else the system.
 */
@Component
class StatusActor {

	private final CurrentUser currentUser;

	StatusActor(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	String of(DelegateExecution execution) {
		String named = CertificateLifecycle.STATUS_ACTOR.from(execution).getOrNull();
		return (named != null && !named.isBlank()) ? named : this.currentUser.id();
	}

}
