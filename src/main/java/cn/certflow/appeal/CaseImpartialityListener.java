package cn.certflow.appeal;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R-APL-1 (PCEC 14), enforced in the engine like R-DEC-1 on assignment and completion of
 * the case decision: {@link DeciderNotInvolved}.
 */
@Component
class CaseImpartialityListener implements TaskListener {

	private final DeciderNotInvolved rule;

	private final CurrentUser currentUser;

	CaseImpartialityListener(DeciderNotInvolved rule, CurrentUser currentUser) {
		this.rule = rule;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String person = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
				: this.currentUser.id(task);
		this.rule.check(task.getExecution().getProcessBusinessKey(), person, task.getAssignee());
	}

}
