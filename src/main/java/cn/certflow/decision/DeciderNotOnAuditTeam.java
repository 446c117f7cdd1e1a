package cn.certflow.decision;

import java.util.List;

import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditRecord;
import cn.certflow.audit.AuditService;
import cn.certflow.impartiality.ConflictOfInterest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * R-DEC-1 (PCEC 9): nobody who was on the audit team may be assigned or complete the
 * decision on that audit, and nobody with a declared relationship with the client
 * (refused by {@link ConflictOfInterest}). Thrown as an AuthorizationException, so
 * Tasklist and the REST API answer 403 with the reason and the claim or completion is
 * rolled back. Every check goes to the impartiality record.
 */
@Service
class DeciderNotOnAuditTeam {

	private final AuditService audits;

	private final ApplicationService applications;

	private final ConflictOfInterest impartiality;

	DeciderNotOnAuditTeam(AuditService audits, ApplicationService applications, ConflictOfInterest impartiality) {
		this.audits = audits;
		this.applications = applications;
		this.impartiality = impartiality;
	}

	/**
	 * Checks the person taking (or completing) the decision on the process's current
	 * audit, read from our records, never from a process variable (issue 15).
	 * @param person the assignee on assignment, the current user on completion
	 * @param completing whether the task is being completed
	 * @param assignee the task's assignee
	 * @param by the current user
	 */
	void check(DelegateExecution execution, String person, boolean completing, String assignee, String by) {
		AuditRecord audit = this.audits.currentAudit(execution);
		String applicationNumber = this.applications.byId(audit.applicationId()).number();
		List<String> team = this.audits.team(audit.id());
		this.impartiality.checkDecider(applicationNumber, audit.id(), team, person, completing, assignee, by);
		if (person != null && team.contains(person)) {
			throw new AuthorizationException("R-DEC-1: " + person + " was on the audit team " + team
					+ " of application " + applicationNumber + " and may not take the certification decision (PCEC 9)");
		}
		if (completing && assignee != null && team.contains(assignee)) {
			throw new AuthorizationException(
					"R-DEC-1: the task is assigned to " + assignee + ", who was on the audit team");
		}
	}

}
