package cn.certflow.surveillance;

import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateService;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A surveillance not done by its due date escalates to managers (R-SUR-1): recorded on
 * creation, answered in words.
 */
@Component
class SurveillanceEscalationListener implements TaskListener {

	private final SurveillanceService surveillances;

	private final CertificateService certificates;

	private final CurrentUser currentUser;

	SurveillanceEscalationListener(SurveillanceService surveillances, CertificateService certificates,
			CurrentUser currentUser) {
		this.surveillances = surveillances;
		this.certificates = certificates;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		// the certificate's surveillance from our records, never from a process variable
		// (issue 15): the latest one, opened by this iteration of the annual surveillance
		// (the next opens only when this task is done)
		String number = this.certificates.forProcess(task.getExecution()).number();
		long id = this.surveillances.latest(number).id();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			this.surveillances.escalate(id, StatusHistory.Process.of(task));
			return;
		}
		String notes = FormInput.requiredText(CertificateLifecycle.OVERDUE_NOTES, task,
				"say how the overdue surveillance is handled");
		this.surveillances.escalationHandled(id, notes, this.currentUser.id(task), StatusHistory.Process.of(task));
	}

}
