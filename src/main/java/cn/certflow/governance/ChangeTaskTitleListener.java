package cn.certflow.governance;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names a decision-table-change task after its table so Tasklist's list says which: "… –
 * grade-pcec v2".
 */
@Component
class ChangeTaskTitleListener implements TaskListener {

	static final String SEPARATOR = " – ";

	@Override
	public void notify(DelegateTask task) {
		String title = DecisionTableChange.DECISION_KEY.from(task).get() + " v"
				+ DecisionTableChange.DECISION_VERSION.from(task).get();
		if (task.getName() != null && !task.getName().contains(SEPARATOR)) {
			task.setName(task.getName() + SEPARATOR + title);
		}
	}

}
