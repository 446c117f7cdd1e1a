package cn.certflow.competence;

import java.util.LinkedHashMap;
import java.util.Map;

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
		Map<String, Boolean> team = new LinkedHashMap<>();
		for (String person : AuditVariables.AUDIT_TEAM_MEMBERS.from(task).get().split(",")) {
			team.put(person, person.equals(lead));
		}
		this.qualifications.requireAuditTeam(application, AuditTeamCompetenceListener.STEP, team);
	}

}
