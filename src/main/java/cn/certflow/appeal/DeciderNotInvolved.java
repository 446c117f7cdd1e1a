package cn.certflow.appeal;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Service;

/**
 * R-APL-1 (PCEC 14): nobody involved in the contested matter (its decider, its audit
 * team) may be assigned or decide the case. The persons involved are those recorded with
 * the case, never a process variable (issue 15). Refused as an AuthorizationException, so
 * Tasklist and the REST API answer 403 and the claim or completion is rolled back.
 */
@Service
class DeciderNotInvolved {

	private final CaseRepository cases;

	DeciderNotInvolved(CaseRepository cases) {
		this.cases = cases;
	}

	/**
	 * Checks the person taking or completing the case's decision, and the task's
	 * assignee.
	 * @param caseNumber the case (the process's business key)
	 * @param person the assignee on assignment, the current user on completion
	 * @param assignee the task's assignee
	 */
	void check(String caseNumber, String person, String assignee) {
		CaseRecord record = this.cases.find(caseNumber).orElseThrow();
		String named = (record.involvedPersons() != null) ? record.involvedPersons() : "";
		List<String> involved = Arrays.stream(named.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		for (String candidate : new String[] { person, assignee }) {
			if (candidate != null && involved.contains(candidate)) {
				throw new AuthorizationException("R-APL-1: " + candidate + " was involved in the contested matter "
						+ involved + " of case " + record.number() + " and may not decide it");
			}
		}
	}

}
