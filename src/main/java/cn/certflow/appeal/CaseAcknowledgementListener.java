package cn.certflow.appeal;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The case is acknowledged to the person who raised it, in writing (R-APL-1). */
@Component
class CaseAcknowledgementListener implements TaskListener {

	private final CaseRepository cases;

	private final StatusHistory history;

	private final CurrentUser currentUser;

	CaseAcknowledgementListener(CaseRepository cases, StatusHistory history, CurrentUser currentUser) {
		this.cases = cases;
		this.history = history;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String text = FormInput.requiredText(AppealComplaint.ACKNOWLEDGEMENT_TEXT, task,
				"write the acknowledgement sent to the complainant");
		String by = this.currentUser.id(task);
		// the case is the process's business key, never a process variable (issue 15)
		CaseRecord record = this.cases.find(task.getExecution().getProcessBusinessKey()).orElseThrow();
		this.cases.acknowledged(record.id(), text, by);
		this.history.record(StatusHistory.Entity.CASE, record.number(), "RECEIVED", "ACKNOWLEDGED", by, text,
				StatusHistory.Process.of(task));
	}

}
