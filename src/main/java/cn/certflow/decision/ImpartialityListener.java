package cn.certflow.decision;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R-DEC-1 (PCEC 9), enforced in the engine on assignment and completion of a decision
 * task: {@link DeciderNotOnAuditTeam}.
 */
@Component
class ImpartialityListener implements TaskListener {

	private final DeciderNotOnAuditTeam rule;

	private final CurrentUser currentUser;

	ImpartialityListener(DeciderNotOnAuditTeam rule, CurrentUser currentUser) {
		this.rule = rule;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String person = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
				: this.currentUser.id(task);
		this.rule.check(task.getExecution(), person, EVENTNAME_COMPLETE.equals(task.getEventName()), task.getAssignee(),
				this.currentUser.id(task));
	}

}
