package cn.certflow.application;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the rejection letter with its reason to the client (R-APP-3, PCEC 7.1(3)). */
@Component
class RejectApplicationDelegate implements JavaDelegate {

	private final ApplicationService applications;

	private final ApplicationRepository repository;

	private final CurrentUser currentUser;

	RejectApplicationDelegate(ApplicationService applications, ApplicationRepository repository,
			CurrentUser currentUser) {
		this.applications = applications;
		this.repository = repository;
		this.currentUser = currentUser;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ApplicationRecord application = this.applications.forProcess(execution.getProcessInstanceId());
		String reason = InitialCertification.REJECTION_REASON.from(execution).get();
		this.repository.recordNotice(application.id(), "APPLICATION_REJECTED",
				application.clientName() + "：您的认证申请 " + application.number() + " 未被受理。原因：" + reason,
				this.currentUser.id());
	}

}
