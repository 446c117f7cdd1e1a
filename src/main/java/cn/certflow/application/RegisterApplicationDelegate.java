package cn.certflow.application;

import cn.certflow.grading.SchemeCatalog;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the application, numbers it (the business key) and sets the 10-day review
 * deadline (R-APP-1/2).
 */
@Component
class RegisterApplicationDelegate implements JavaDelegate {

	private final ApplicationService applications;

	private final SchemeCatalog schemes;

	private final CurrentUser currentUser;

	RegisterApplicationDelegate(ApplicationService applications, SchemeCatalog schemes, CurrentUser currentUser) {
		this.applications = applications;
		this.schemes = schemes;
		this.currentUser = currentUser;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ApplicationRequest request = ApplicationVariables.read(execution);
		String submittedBy = InitialCertification.SUBMITTED_BY.from(execution).getOrDefault(this.currentUser.id());
		ApplicationService.Registration registration = this.applications.register(request,
				execution.getProcessInstanceId(), submittedBy);
		execution.setProcessBusinessKey(registration.number());
		InitialCertification.APPLICATION_NUMBER.on(execution).set(registration.number());
		InitialCertification.REVIEW_DUE_DATE.on(execution).set(EngineTime.toDate(registration.reviewDueAt()));
		InitialCertification.SCORING_FORM.on(execution).set(this.schemes.get(request.schemeId()).scoringFormKey());
	}

}
