package cn.certflow.competence;

import java.util.Arrays;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R-COMP-1, PCEC 8.1 (issue 20.3): the audit team appointed before the document review
 * holds, on the day, a lead auditor's qualification (its lead) and an auditor's (each
 * member) for the application's scheme and technical area; otherwise the appointment is
 * refused (403) and rolled back. Runs after the team listener has put the team on the
 * process.
 */
@Component
class AppointedTeamCompetenceListener implements TaskListener {

	private final Qualifications qualifications;

	private final ApplicationService applications;

	AppointedTeamCompetenceListener(Qualifications qualifications, ApplicationService applications) {
		this.qualifications = qualifications;
		this.applications = applications;
	}

	@Override
	public void notify(DelegateTask task) {
		ApplicationRecord application = this.applications.forProcess(task.getProcessInstanceId());
		String lead = AuditVariables.LEAD_AUDITOR.from(task).get();
		Arrays.stream(AuditVariables.AUDIT_TEAM_MEMBERS.from(task).get().split(","))
			.forEach((person) -> this.qualifications.require(application.number(), AuditTeamCompetenceListener.STEP,
					person, person.equals(lead) ? QualificationRole.LEAD_AUDITOR : QualificationRole.AUDITOR,
					application.schemeId(), application.technicalArea(), true));
	}

}
