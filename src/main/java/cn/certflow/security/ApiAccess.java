package cn.certflow.security;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Group checks for our own /api endpoints, against the caller authenticated by the REST filter. */
@Component
public class ApiAccess {

	/** Certification-body staff who may read application records. */
	public static final String[] STAFF = { Groups.REVIEWERS, Groups.AUDITORS, Groups.LEAD_AUDITORS,
			Groups.DECISION_MAKERS, Groups.QUALITY_MANAGERS, Groups.MANAGERS, Groups.ADMINS };

	private final IdentityService identity;

	ApiAccess(IdentityService identity) {
		this.identity = identity;
	}

	/** The caller's user id, if the caller belongs to one of the groups; 403 otherwise. */
	public String requireAnyGroup(String... groups) {
		Authentication authentication = this.identity.getCurrentAuthentication();
		if (authentication == null) {
			throw new AuthorizationException("authentication required");
		}
		List<String> memberOf = (authentication.getGroupIds() != null) ? authentication.getGroupIds() : List.of();
		if (Arrays.stream(groups).noneMatch(memberOf::contains)) {
			throw new AuthorizationException("user " + authentication.getUserId() + " is not in any of the groups "
					+ Arrays.toString(groups));
		}
		return authentication.getUserId();
	}

}
