package cn.certflow.application;

import cn.certflow.security.Groups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The review is past its 10-day deadline: record the escalation to managers; the review
 * task stays (R-APP-2).
 */
@Component
class RecordEscalationDelegate implements JavaDelegate {

	private final ApplicationService applications;

	private final ApplicationRepository repository;

	RecordEscalationDelegate(ApplicationService applications, ApplicationRepository repository) {
		this.applications = applications;
		this.repository = repository;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ApplicationRecord application = this.applications.forProcess(execution.getProcessInstanceId());
		this.repository.recordEscalation(application.id(), "REVIEW_OVERDUE", application.reviewDueAt(),
				Groups.MANAGERS);
		InitialCertification.ESCALATED.on(execution).set(true);
	}

}
