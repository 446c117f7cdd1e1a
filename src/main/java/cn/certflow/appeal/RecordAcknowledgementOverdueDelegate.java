package cn.certflow.appeal;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Not acknowledged within the configured days: recorded as escalated to managers; the
 * task stays (R-APL-1).
 */
@Component
class RecordAcknowledgementOverdueDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final StatusHistory history;

	RecordAcknowledgementOverdueDelegate(CaseRepository cases, StatusHistory history) {
		this.cases = cases;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseRecord record = this.cases.find(execution.getProcessBusinessKey()).orElseThrow();
		this.cases.escalated(record.id());
		AppealComplaint.ESCALATED.on(execution).set(true);
		this.history.record(StatusHistory.Entity.CASE, record.number(), "RECEIVED", "ACKNOWLEDGEMENT_OVERDUE",
				CurrentUser.SYSTEM, "not acknowledged in time: escalated to managers",
				StatusHistory.Process.of(execution));
	}

}
