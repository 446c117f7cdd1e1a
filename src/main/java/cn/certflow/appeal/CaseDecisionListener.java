package cn.certflow.appeal;

import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The decision on a case, with reasons for the complainant (R-APL-1). Only an upheld
 * complaint about a certificate can be found the certified client's fault, which then
 * reports the event to the certificate's lifecycle (R-SUR-2).
 */
@Component
class CaseDecisionListener implements TaskListener {

	private final CaseRepository cases;

	private final StatusHistory history;

	private final CurrentUser currentUser;

	CaseDecisionListener(CaseRepository cases, StatusHistory history, CurrentUser currentUser) {
		this.cases = cases;
		this.history = history;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(AppealComplaint.OUTCOME, task,
				Set.of(AppealComplaint.UPHELD, AppealComplaint.DISMISSED));
		String reasons = FormInput.requiredText(AppealComplaint.OUTCOME_REASONS, task,
				"the outcome is communicated with its reasons");
		// kind and certificate as recorded with the case (the process's business key),
		// never process variables (issue 15)
		CaseRecord record = this.cases.find(task.getExecution().getProcessBusinessKey()).orElseThrow();
		boolean atFault = Boolean.TRUE.equals(AppealComplaint.CLIENT_AT_FAULT.from(task).getOrNull());
		if (atFault && (!AppealComplaint.Kind.COMPLAINT.name().equals(record.kind())
				|| !AppealComplaint.UPHELD.equals(outcome) || record.certificateNumber() == null)) {
			throw new InvalidInputException(AppealComplaint.CLIENT_AT_FAULT.getName(),
					"only an upheld complaint about a certificate can be found the certified client's fault");
		}
		AppealComplaint.CLIENT_AT_FAULT.on(task).set(atFault);
		String by = this.currentUser.id(task);
		this.cases.decided(record.id(), outcome, reasons, atFault, by);
		this.history.record(StatusHistory.Entity.CASE, record.number(), "ACKNOWLEDGED", outcome, by, reasons,
				StatusHistory.Process.of(task));
	}

}
