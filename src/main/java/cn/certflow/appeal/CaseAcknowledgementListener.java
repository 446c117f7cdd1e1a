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
		this.cases.acknowledged(AppealComplaint.CASE_ID.from(task).get(), text, by);
		this.history.record(StatusHistory.Entity.CASE, AppealComplaint.CASE_NUMBER.from(task).get(), "RECEIVED",
				"ACKNOWLEDGED", by, text, StatusHistory.Process.of(task));
	}

}
