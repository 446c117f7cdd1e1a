package cn.certflow.governance;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Four eyes on a decision table change (R-GRD-DMN; {@link FourEyes}), on assignment and
 * completion of the approval task.
 */
@Component
class SecondApproverListener implements TaskListener {

	private final FourEyes fourEyes;

	private final CurrentUser currentUser;

	SecondApproverListener(FourEyes fourEyes, CurrentUser currentUser) {
		this.fourEyes = fourEyes;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String person = EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee()
				: this.currentUser.id(task);
		this.fourEyes.check(task.getProcessInstanceId(), person, EVENTNAME_COMPLETE.equals(task.getEventName()),
				task.getAssignee());
	}

}
