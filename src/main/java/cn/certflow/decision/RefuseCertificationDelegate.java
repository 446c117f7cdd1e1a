package cn.certflow.decision;

import java.util.Map;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
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

	private final CertificationDecisions decisions;

	private final Notices notices;

	RefuseCertificationDelegate(ApplicationService applications, CertificationDecisions decisions, Notices notices) {
		this.notices = notices;
		this.applications = applications;
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ApplicationRecord application = this.applications.forProcess(execution.getProcessInstanceId());
		CertificationDecision decision = this.decisions.latest(application.id()).orElseThrow();
		this.notices.send(NoticeKind.CERTIFICATION_REFUSED, NoticeTo.application(application.number()),
				Map.of("reason", decision.reasons()), decision.decidedBy());
		this.applications.changeStatus(application.number(), ApplicationStatus.REFUSED, decision.decidedBy(),
				decision.reasons());
	}

}
