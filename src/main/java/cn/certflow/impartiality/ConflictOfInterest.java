package cn.certflow.impartiality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.application.CreditCode;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.InvalidInputException.FieldProblem;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Conflicts of interest (ISO/IEC 17065 4.2, PCEC 9): auditors and decision makers declare
 * their relationships with clients; a relationship that is ongoing or ended within the
 * look-back period (2 years) keeps the person off the client's audit team and away from
 * its certification decisions. The checks of every plan and decision taken are kept as
 * its impartiality record, in the same transaction; a refused plan or decision changes
 * nothing (SPEC "Quality of the whole"): the refusal goes back to the caller (400 / 403)
 * and to the log.
 */
@Service
public class ConflictOfInterest {

	private static final Logger log = LoggerFactory.getLogger(ConflictOfInterest.class);

	/**
	 * A declared relationship that bars a person from a step, with the reason in words.
	 */
	public record Conflict(String userId, String reason) {
	}

	static final String LEAD = "LEAD";

	static final String MEMBER = "MEMBER";

	static final String DECIDER = "DECIDER";

	private final ImpartialityRepository repository;

	private final ApplicationService applications;

	private final IdentityService identity;

	private final int lookBackYears;

	ConflictOfInterest(ImpartialityRepository repository, ApplicationService applications, IdentityService identity,
			@Value("${certflow.conflict-of-interest-years:2}") int lookBackYears) {
		this.repository = repository;
		this.applications = applications;
		this.identity = identity;
		this.lookBackYears = lookBackYears;
	}

	// --- declarations

	/**
	 * Records a declaration by the caller, for the caller or (administrators only) for
	 * another user.
	 */
	Declaration declare(DeclarationRequest request, String caller, boolean callerIsAdmin) {
		String userId = (request.userId() == null || request.userId().isBlank()) ? caller : request.userId().trim();
		if (!userId.equals(caller) && !callerIsAdmin) {
			throw new AuthorizationException("user " + caller + " may declare relationships only for themselves");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (this.identity.createUserQuery().userId(userId).count() == 0) {
			problems.add(new FieldProblem("userId", "no user '" + userId + "'"));
		}
		String codeProblem = CreditCode.problem(request.creditCode());
		if (codeProblem != null) {
			problems.add(new FieldProblem("creditCode", codeProblem));
		}
		if (request.endedOn() != null && request.endedOn().isBefore(request.startedOn())) {
			problems.add(new FieldProblem("endedOn", "must not be before startedOn " + request.startedOn()));
		}
		if (request.relationship() == Relationship.OTHER
				&& (request.description() == null || request.description().isBlank())) {
			problems.add(new FieldProblem("description", "describe a relationship of kind OTHER"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return this.repository.insert(userId, request, caller);
	}

	List<Declaration> declarationsOf(String userId) {
		return this.repository.declarationsOf(userId);
	}

	List<Declaration> allDeclarations() {
		return this.repository.allDeclarations();
	}

	/** The person's declared relationships with the client that count today. */
	List<Declaration> conflicts(String userId, String creditCode) {
		LocalDate today = EngineTime.today();
		return this.repository.declarations(userId, creditCode)
			.stream()
			.filter(d -> d.countsOn(today, this.lookBackYears))
			.toList();
	}

	// --- audit planning

	/**
	 * The planned team members (lead first) with a declared relationship with the client.
	 * The caller refuses the plan naming its form field.
	 */
	public List<Conflict> auditTeamConflicts(ApplicationRecord application, String leadAuditor, List<String> members,
			String plannedBy) {
		List<Conflict> found = new ArrayList<>();
		for (String person : team(leadAuditor, members)) {
			List<Declaration> declared = conflicts(person, application.creditCode());
			if (!declared.isEmpty()) {
				found.add(new Conflict(person, reason(person, application, declared)));
			}
		}
		found.forEach(c -> log.warn("Audit plan of {} by {} refused: {}", application.number(), plannedBy, c.reason()));
		return found;
	}

	/**
	 * Records that every member of the planned team was checked and clear (in the
	 * planning transaction).
	 */
	public void recordAuditTeamCleared(ApplicationRecord application, long auditId, String leadAuditor,
			List<String> members, String plannedBy) {
		for (String person : team(leadAuditor, members)) {
			this.repository.insert(check(application.number(), auditId, ImpartialityCheck.AUDIT_PLAN, person,
					person.equals(leadAuditor) ? LEAD : MEMBER, ImpartialityCheck.DECLARED_CONFLICT,
					ImpartialityCheck.CLEAR, "no relationship with " + application.creditCode() + " declared within "
							+ this.lookBackYears + " years",
					plannedBy));
		}
	}

	// --- certification decision

	/**
	 * Checks who claims or completes a certification decision: not on the audit team
	 * (R-DEC-1) and no declared relationship with the client. A declared relationship is
	 * refused here with 403; someone on the audit team is refused by the caller
	 * (ImpartialityListener, R-DEC-1). On completion, the passing checks are recorded
	 * with the decision.
	 * @param person who claims (the new assignee) or completes; null when the task is
	 * unclaimed
	 * @param assignee on completion, the assignee is checked too
	 */
	public void checkDecider(String applicationNumber, long auditId, List<String> auditTeam, String person,
			boolean completing, String assignee, String actedBy) {
		Set<String> people = new LinkedHashSet<>();
		if (person != null) {
			people.add(person);
		}
		if (completing && assignee != null) {
			people.add(assignee);
		}
		if (people.isEmpty()) {
			return;
		}
		ApplicationRecord application = this.applications.get(applicationNumber);
		List<ImpartialityCheck> passed = new ArrayList<>();
		List<String> conflictReasons = new ArrayList<>();
		boolean onTeam = false;
		for (String candidate : people) {
			List<Declaration> declared = conflicts(candidate, application.creditCode());
			if (auditTeam.contains(candidate)) {
				onTeam = true;
			}
			else if (!declared.isEmpty()) {
				conflictReasons.add(reason(candidate, application, declared));
			}
			else {
				passed.add(check(applicationNumber, auditId, ImpartialityCheck.DECISION, candidate, DECIDER,
						ImpartialityCheck.AUDIT_TEAM, ImpartialityCheck.CLEAR, "not on the audit team " + auditTeam,
						actedBy));
				passed.add(check(applicationNumber, auditId, ImpartialityCheck.DECISION, candidate, DECIDER,
						ImpartialityCheck.DECLARED_CONFLICT, ImpartialityCheck.CLEAR, "no relationship with "
								+ application.creditCode() + " declared within " + this.lookBackYears + " years",
						actedBy));
			}
		}
		if (onTeam) {
			return; // refused by the caller with R-DEC-1's message
		}
		if (!conflictReasons.isEmpty()) {
			String message = "Impartiality (ISO/IEC 17065 4.2, PCEC 9): " + String.join("; ", conflictReasons)
					+ "; may not take the certification decision of " + applicationNumber;
			log.warn("{} (by {})", message, actedBy);
			throw new AuthorizationException(message);
		}
		if (completing) {
			passed.forEach(this.repository::insert);
		}
	}

	// --- the record

	/**
	 * Every check done for the application, oldest first: the impartiality record of its
	 * accreditation file.
	 */
	public List<ImpartialityCheck> checks(String applicationNumber) {
		return this.repository.checks(applicationNumber);
	}

	private String reason(String person, ApplicationRecord application, List<Declaration> declared) {
		return "'" + person + "' declared a relationship with " + application.clientName() + " ("
				+ application.creditCode() + ") within " + this.lookBackYears + " years: "
				+ declared.stream().map(Declaration::describe).collect(Collectors.joining(", "));
	}

	private static List<String> team(String leadAuditor, List<String> members) {
		Set<String> team = new LinkedHashSet<>();
		if (leadAuditor != null) {
			team.add(leadAuditor);
		}
		team.addAll(members);
		return List.copyOf(team);
	}

	private static ImpartialityCheck check(String applicationNumber, Long auditId, String step, String person,
			String role, String kind, String result, String details, String actedBy) {
		return new ImpartialityCheck(applicationNumber, auditId, step, person, role, kind, result, details, actedBy,
				EngineTime.now());
	}

}
