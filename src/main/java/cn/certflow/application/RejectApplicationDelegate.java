package cn.certflow.application;

import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the rejection letter with its reason to the client (R-APP-3, PCEC 7.1(3)). */
@Component
class RejectApplicationDelegate implements JavaDelegate {

	private final ApplicationService applications;

	private final Notices notices;

	RejectApplicationDelegate(ApplicationService applications, Notices notices) {
		this.applications = applications;
		this.notices = notices;
	}

	@Override
	public void execute(DelegateExecution execution) {
		ApplicationRecord application = this.applications.forProcess(execution.getProcessInstanceId());
		String reason = InitialCertification.REJECTION_REASON.from(execution).get();
		this.notices.send(NoticeKind.APPLICATION_REJECTED, NoticeTo.application(application.number()),
				Map.of("reason", reason));
	}

}
