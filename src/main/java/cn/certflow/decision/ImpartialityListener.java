package cn.certflow.decision;

import java.util.List;

import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditRecord;
import cn.certflow.audit.AuditRepository;
import cn.certflow.audit.AuditService;
import cn.certflow.impartiality.ConflictOfInterest;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R-DEC-1 (PCEC 9), enforced in the engine: nobody who was on the audit team may be
 * assigned or complete the certification decision. Thrown as an AuthorizationException,
 * so Tasklist and the REST API answer 403 with the reason, and the claim or completion is
 * rolled back.
 */
@Component
class ImpartialityListener implements TaskListener {

	private final AuditRepository audits;

	private final AuditService auditService;

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	private final ConflictOfInterest impartiality;

	ImpartialityListener(AuditRepository audits, AuditService auditService, ApplicationService applications,
			CurrentUser currentUser, ConflictOfInterest impartiality) {
		this.audits = audits;
		this.auditService = auditService;
		this.applications = applications;
		this.currentUser = currentUser;
		this.impartiality = impartiality;
	}

	@Override
	public void notify(DelegateTask task) {
		// the audit and its team from our records, never from a process variable a task
		// submitter could set (issue 15)
		AuditRecord audit = this.auditService.currentAudit(task.getExecution());
		String applicationNumber = this.applications.byId(audit.applicationId()).number();
		List<String> team = this.audits.team(audit.id());
		String person = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
				: this.currentUser.id(task);
		// a declared relationship with the client is refused there (403); every check
		// goes to the impartiality record
		this.impartiality.checkDecider(applicationNumber, audit.id(), team, person,
				EVENTNAME_COMPLETE.equals(task.getEventName()), task.getAssignee(), this.currentUser.id(task));
		if (person != null && team.contains(person)) {
			throw new AuthorizationException("R-DEC-1: " + person + " was on the audit team " + team
					+ " of application " + applicationNumber + " and may not take the certification decision (PCEC 9)");
		}
		if (EVENTNAME_COMPLETE.equals(task.getEventName()) && task.getAssignee() != null
				&& team.contains(task.getAssignee())) {
			throw new AuthorizationException(
					"R-DEC-1: the task is assigned to " + task.getAssignee() + ", who was on the audit team");
		}
	}

}
