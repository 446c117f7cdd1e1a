package cn.certflow.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.certflow.security.Participation.Participants;
import cn.certflow.security.Participation.Kind;
import cn.certflow.system.NotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may do and see what on our own /api endpoints, against the caller authenticated by
 * the REST filter. Every controller asks here. Actions go by group
 * ({@link #requireAnyGroup}: 403). Records follow the engine's rule for tasks and
 * instances (issue 15.4): a person sees an application, a certificate or a case when
 * their group's role covers every such record ({@link #SEE_EVERY_APPLICATION},
 * {@link #SEE_EVERY_CERTIFICATE}, {@link #SEE_EVERY_CASE}), when they are on one of its
 * audit teams, or when they hold or held a task of its processes (assignee, candidate
 * user, or through a candidate group); anyone else gets the 404 of a record that does not
 * exist, so that a number tried reveals nothing.
 */
@Component
public class ApiAccess {

	/** Certification-body staff: anyone who may use our API at all. */
	public static final String[] STAFF = { Groups.REVIEWERS, Groups.AUDITORS, Groups.LEAD_AUDITORS,
			Groups.DECISION_MAKERS, Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS };

	/**
	 * See every application: reviewers (every application starts with a review task
	 * offered to them, they register applications and their documents), quality managers
	 * (Cockpit history of every process, appeals, complaints, terminations), managers
	 * (read-only oversight, overdue reviews), administrators.
	 */
	public static final String[] SEE_EVERY_APPLICATION = { Groups.REVIEWERS, Groups.QUALITY_MANAGERS, Groups.MANAGERS,
			Groups.ADMINS };

	/**
	 * See every certificate: those who see every application, and decision makers, who
	 * may suspend or withdraw any certificate (R-SUS-1) and decided every one of them as
	 * a group (the decision task is offered to them all).
	 */
	public static final String[] SEE_EVERY_CERTIFICATE = { Groups.REVIEWERS, Groups.DECISION_MAKERS,
			Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS };

	/**
	 * See every appeal and complaint: reviewers receive and acknowledge them, quality
	 * managers decide them, managers oversee, administrators. The persons a case is about
	 * (its decider and audit team) are not among them.
	 */
	public static final String[] SEE_EVERY_CASE = { Groups.REVIEWERS, Groups.QUALITY_MANAGERS, Groups.MANAGERS,
			Groups.ADMINS };

	private static final Map<Kind, List<String>> SEES_EVERY = Map.of(Kind.APPLICATION, List.of(SEE_EVERY_APPLICATION),
			Kind.CERTIFICATE, List.of(SEE_EVERY_CERTIFICATE), Kind.CASE, List.of(SEE_EVERY_CASE));

	private final IdentityService identity;

	private final List<Participation> owners;

	private final TaskInvolvement tasks;

	ApiAccess(IdentityService identity, List<Participation> owners, TaskInvolvement tasks) {
		this.identity = identity;
		this.owners = owners;
		this.tasks = tasks;
	}

	/**
	 * The caller's user id, if the caller belongs to one of the groups; 403 otherwise.
	 */
	public String requireAnyGroup(String... groups) {
		Authentication authentication = caller();
		if (Arrays.stream(groups).noneMatch(groupsOf(authentication)::contains)) {
			throw new AuthorizationException(
					"user " + authentication.getUserId() + " is not in any of the groups " + Arrays.toString(groups));
		}
		return authentication.getUserId();
	}

	/**
	 * The caller's user id if they may see the application (record, documents, history,
	 * notices); else 404.
	 */
	public String requireApplication(String number) {
		return require(Kind.APPLICATION, number);
	}

	/**
	 * The caller's user id if they may see the certificate's staff records (history,
	 * revisions, requests, PDF).
	 */
	public String requireCertificate(String number) {
		return require(Kind.CERTIFICATE, number);
	}

	/** The caller's user id if they may see the appeal or complaint; else 404. */
	public String requireCase(String number) {
		return require(Kind.CASE, number);
	}

	private String require(Kind kind, String number) {
		String userId = requireAnyGroup(STAFF);
		List<String> groups = groupsOf(caller());
		if (mayRead(kind, number, userId, groups)) {
			return userId;
		}
		throw new NotFoundException(kind.notFound(number));
	}

	private boolean mayRead(Kind kind, String number, String userId, List<String> groups) {
		Optional<Participants> participants = participants(kind, number);
		if (participants.isEmpty()) {
			return false;
		}
		if (SEES_EVERY.get(kind).stream().anyMatch(groups::contains)) {
			return true;
		}
		if (participants.get().auditTeam().contains(userId)) {
			return true;
		}
		return this.tasks.holdsOrHeldATask(userId, groups, participants.get().processBusinessKeys());
	}

	private Optional<Participants> participants(Kind kind, String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		for (Participation owner : this.owners) {
			Optional<Participants> participants = owner.of(kind, number);
			if (participants.isPresent()) {
				return participants;
			}
		}
		return Optional.empty();
	}

	private Authentication caller() {
		Authentication authentication = this.identity.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			throw new AuthorizationException("authentication required");
		}
		return authentication;
	}

	private static List<String> groupsOf(Authentication authentication) {
		return (authentication.getGroupIds() != null) ? authentication.getGroupIds() : List.of();
	}

}
