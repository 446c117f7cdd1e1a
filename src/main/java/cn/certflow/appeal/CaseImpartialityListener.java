package cn.certflow.appeal;

import java.util.Arrays;
import java.util.List;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R-APL-1 (PCEC 14), enforced in the engine like R-DEC-1: nobody involved in the
 * contested matter (its decider, its audit team) may be assigned or decide the case;
 * refused with 403 through Tasklist and the REST API.
 */
@Component
class CaseImpartialityListener implements TaskListener {

	private final CaseRepository cases;

	private final CurrentUser currentUser;

	CaseImpartialityListener(CaseRepository cases, CurrentUser currentUser) {
		this.cases = cases;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		// the persons involved as recorded with the case (the process's business key),
		// never a process variable (issue 15)
		CaseRecord record = this.cases.find(task.getExecution().getProcessBusinessKey()).orElseThrow();
		String named = (record.involvedPersons() != null) ? record.involvedPersons() : "";
		List<String> involved = Arrays.stream(named.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
		String person = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
				: this.currentUser.id(task);
		for (String candidate : new String[] { person, task.getAssignee() }) {
			if (candidate != null && involved.contains(candidate)) {
				throw new AuthorizationException("R-APL-1: " + candidate + " was involved in the contested matter "
						+ involved + " of case " + record.number() + " and may not decide it");
			}
		}
	}

}
