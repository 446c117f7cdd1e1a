package cn.certflow.competence;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * R-COMP-1 on one person's step (document review, certification decision), enforced in
 * the engine like R-DEC-1: whoever is assigned or completes the task must hold the step's
 * qualification for the application's scheme and technical area today, or the claim or
 * completion is refused (403) and rolled back. The qualification held is recorded on
 * completion.
 */
abstract class StepCompetenceListener implements TaskListener {

	private final Qualifications qualifications;

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	private final String step;

	private final QualificationRole role;

	StepCompetenceListener(Qualifications qualifications, ApplicationService applications, CurrentUser currentUser,
			String step, QualificationRole role) {
		this.qualifications = qualifications;
		this.applications = applications;
		this.currentUser = currentUser;
		this.step = step;
		this.role = role;
	}

	@Override
	public void notify(DelegateTask task) {
		boolean completing = EVENTNAME_COMPLETE.equals(task.getEventName());
		String person = completing ? this.currentUser.id(task) : task.getAssignee();
		if (person == null) {
			return;
		}
		ApplicationRecord application = this.applications.forProcess(task.getProcessInstanceId());
		this.qualifications.require(application.number(), this.step, person, this.role, application.schemeId(),
				application.technicalArea(), completing);
	}

}
