package cn.certflow.decision;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationRepository;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Refusal: the reasons go to the client in writing (R-DEC-2, PCEC 9) and the application
 * is closed.
 */
@Component
class RefuseCertificationDelegate implements JavaDelegate {

	private final ApplicationService applications;

	private final ApplicationRepository repository;

	private final CertificationDecisions decisions;

	RefuseCertificationDelegate(ApplicationService applications, ApplicationRepository repository,
			CertificationDecisions decisions) {
		this.applications = applications;
		this.repository = repository;
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ApplicationRecord application = this.applications.forProcess(execution.getProcessInstanceId());
		CertificationDecision decision = this.decisions.latest(application.id()).orElseThrow();
		this.repository.recordNotice(application.id(), "CERTIFICATION_REFUSED",
				application.clientName() + "：经复核，不予认证注册（申请 " + application.number() + "）。原因：" + decision.reasons(),
				decision.decidedBy());
		this.applications.changeStatus(application.number(), ApplicationStatus.REFUSED, decision.decidedBy(),
				decision.reasons());
	}

}
