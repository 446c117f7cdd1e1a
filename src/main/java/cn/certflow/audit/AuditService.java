package cn.certflow.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.ApplicationStatus;
import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.impartiality.ConflictOfInterest;
import cn.certflow.security.Groups;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Plans audits and keeps their record: team, events, status, nonconformities (R-PLAN-2,
 * R-AUD-1..3).
 */
@Service
public class AuditService {

	static final String LEAD = "LEAD";

	static final String MEMBER = "MEMBER";

	private final AuditRepository audits;

	private final ApplicationService applications;

	private final StatusHistory history;

	private final IdentityService identity;

	private final ConflictOfInterest impartiality;

	private final RegulatoryClock clock;

	AuditService(AuditRepository audits, ApplicationService applications, StatusHistory history,
			IdentityService identity, ConflictOfInterest impartiality, RegulatoryClock clock) {
		this.audits = audits;
		this.applications = applications;
		this.history = history;
		this.identity = identity;
		this.impartiality = impartiality;
		this.clock = clock;
	}

	/** The planned audit: its id and the whole team (lead first). */
	record Plan(long auditId, List<String> team) {
	}

	/**
	 * PCEC 8.1 (issue 20.3): the audit team of an initial certification appointed before
	 * the document review it does — the same checks as a plan (lead auditor, auditors, no
	 * declared conflict with the client), recorded in the application's history.
	 */
	void appointTeam(String applicationNumber, String leadAuditor, List<String> members, String appointedBy) {
		ApplicationRecord application = this.applications.get(applicationNumber);
		List<FieldProblem> problems = teamProblems(application, leadAuditor, members, appointedBy);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Set<String> team = new LinkedHashSet<>();
		team.add(leadAuditor);
		team.addAll(members);
		this.applications.changeStatus(applicationNumber, ApplicationStatus.TEAM_APPOINTED, appointedBy,
				"audit team " + team + " appointed for the document review and the audit");
	}

	private List<FieldProblem> teamProblems(ApplicationRecord application, String leadAuditor, List<String> members,
			String by) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		if (leadAuditor == null || !inGroup(leadAuditor, Groups.LEAD_AUDITORS)) {
			problems.add(new FieldProblem(OnsiteAudit.LEAD_AUDITOR.getName(),
					"'" + leadAuditor + "' is not a lead auditor"));
		}
		for (String member : members) {
			if (!inGroup(member, Groups.AUDITORS)) {
				problems.add(new FieldProblem("auditTeam", "'" + member + "' is not an auditor"));
			}
		}
		// Impartiality: nobody with a declared relationship with the client on the team
		// (ISO/IEC 17065 4.2)
		for (ConflictOfInterest.Conflict conflict : this.impartiality.auditTeamConflicts(application, leadAuditor,
				members, by)) {
			problems.add(new FieldProblem(
					conflict.userId().equals(leadAuditor) ? OnsiteAudit.LEAD_AUDITOR.getName() : "auditTeam",
					conflict.reason()));
		}
		return problems;
	}

	Plan plan(String applicationNumber, String auditType, int personDays, String leadAuditor, List<String> members,
			LocalDate plannedOn, String plannedBy, String processInstanceId) {
		ApplicationRecord application = this.applications.get(applicationNumber);
		List<FieldProblem> problems = teamProblems(application, leadAuditor, members, plannedBy);
		if (plannedOn == null || plannedOn.isBefore(EngineTime.today())) {
			problems.add(new FieldProblem("plannedDate", "must be today or later"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		long auditId = this.audits.insert(application.id(), auditType, personDays, leadAuditor, plannedOn, plannedBy,
				processInstanceId);
		Set<String> team = new LinkedHashSet<>();
		team.add(leadAuditor);
		team.addAll(members);
		for (String member : team) {
			this.audits.addTeamMember(auditId, member, member.equals(leadAuditor) ? LEAD : MEMBER);
		}
		this.impartiality.recordAuditTeamCleared(application, auditId, leadAuditor, members, plannedBy);
		this.history.record(StatusHistory.Entity.AUDIT, String.valueOf(auditId), null, AuditStatus.PLANNED.name(),
				plannedBy, auditType + " audit, " + personDays + " person-days, team " + team);
		if ("INITIAL".equals(auditType)) {
			this.applications.changeStatus(applicationNumber, ApplicationStatus.AUDIT_PLANNED, plannedBy,
					"audit " + auditId + " planned for " + plannedOn);
		}
		return new Plan(auditId, List.copyOf(team));
	}

	/**
	 * The audit's team from our records, each member with whether they lead it (R-COMP-1:
	 * the lead needs a lead auditor's qualification).
	 */
	public java.util.Map<String, Boolean> teamRoles(long auditId) {
		java.util.Map<String, Boolean> roles = new java.util.LinkedHashMap<>();
		this.audits.teamWithRoles(auditId).forEach((m) -> roles.put(m.getKey(), LEAD.equals(m.getValue())));
		return roles;
	}

	/**
	 * Everyone who is or was on an audit team of the application, lead auditors included
	 * (who may see it, 15.4).
	 */
	public Set<String> auditorsOf(long applicationId) {
		return new LinkedHashSet<>(this.audits.teamsOfApplication(applicationId));
	}

	/**
	 * The audit this step is about, from our records: the latest audit planned in this
	 * process (initial-certification or certificate-audit), or, in the on-site audit such
	 * a process calls, in the calling process. Never from a process variable: whoever
	 * completes a task may set variables (issue 15).
	 */
	public AuditRecord currentAudit(DelegateExecution execution) {
		DelegateExecution process = execution.getProcessInstance();
		DelegateExecution caller = process.getSuperExecution();
		return this.audits.latestOfProcess(process.getProcessInstanceId())
			.or(() -> (caller != null) ? this.audits.latestOfProcess(caller.getProcessInstanceId()) : Optional.empty())
			.orElseThrow(() -> new IllegalStateException(
					"No audit is planned in process " + process.getProcessInstanceId()));
	}

	/** Everyone on the audit team, lead auditor included (R-PLAN-2, for R-DEC-1). */
	public List<String> team(long auditId) {
		return this.audits.team(auditId);
	}

	/** The latest score of the audit: the one a decision and a certificate rest on. */
	public Optional<AuditScore> latestScore(long auditId) {
		return this.audits.latestScore(auditId);
	}

	/**
	 * Nonconformities of every audit of an application, for follow-up at the next audit
	 * (PCEC 10.1): "[open|closed] text".
	 */
	public List<String> nonconformitiesOfApplication(long applicationId) {
		return this.audits.nonconformitiesOfApplication(applicationId);
	}

	void changeStatus(long auditId, AuditStatus to, String outcome, String by, String reason) {
		AuditStatus from = this.audits.status(auditId).orElse(null);
		this.audits.updateStatus(auditId, to, outcome);
		this.history.record(StatusHistory.Entity.AUDIT, String.valueOf(auditId), (from != null) ? from.name() : null,
				to.name(), by, reason);
	}

	void recordEvent(long auditId, String kind, String details, String by) {
		this.audits.recordEvent(auditId, kind, details, by);
	}

	/**
	 * Raises the closing meeting's nonconformities, each due in 30 days; returns the
	 * common due date.
	 */
	OffsetDateTime raiseNonconformities(long auditId, List<String> descriptions) {
		OffsetDateTime due = this.clock.after(EngineTime.now(), RegulatoryPeriod.NONCONFORMITY_CORRECTION);
		for (String description : descriptions) {
			this.audits.insertNonconformity(auditId, description, due);
		}
		return due;
	}

	int closeNonconformities(long auditId, String by) {
		return this.audits.closeNonconformities(auditId, by);
	}

	/**
	 * PCEC 6.1 "每个特别扣分项…且应进行整改": the special deductions of a scoring become
	 * nonconformities of the audit, each due in 30 days; those of an earlier scoring of
	 * the audit not found again are closed (as the closing meeting does with its own).
	 * Returns the due date, if any was raised.
	 */
	Optional<OffsetDateTime> raiseSpecialDeductions(long auditId, List<String> descriptions, String by) {
		this.audits.closeNonconformities(auditId, true, by);
		if (descriptions.isEmpty()) {
			return Optional.empty();
		}
		OffsetDateTime due = this.clock.after(EngineTime.now(), RegulatoryPeriod.NONCONFORMITY_CORRECTION);
		for (String description : descriptions) {
			this.audits.insertSpecialDeductionNonconformity(auditId, description, due);
		}
		return Optional.of(due);
	}

	/**
	 * Closes the audit's open nonconformities raised by hand at an earlier closing
	 * meeting.
	 */
	int closeEarlierClosingMeetingNonconformities(long auditId, String by) {
		return this.audits.closeNonconformities(auditId, false, by);
	}

	Optional<OffsetDateTime> earliestOpenDue(long auditId) {
		return this.audits.earliestOpenDue(auditId);
	}

	int openNonconformities(long auditId) {
		return this.audits.openNonconformities(auditId);
	}

	private boolean inGroup(String userId, String group) {
		return this.identity.createUserQuery().userId(userId).memberOfGroup(group).count() > 0;
	}

}
