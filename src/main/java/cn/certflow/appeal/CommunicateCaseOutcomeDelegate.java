package cn.certflow.appeal;

import cn.certflow.application.ApplicationService;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The outcome and its reasons go to the complainant in writing; the client too when the
 * case concerns it (R-APL-1).
 */
@Component
class CommunicateCaseOutcomeDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final ApplicationService applications;

	private final StatusHistory history;

	CommunicateCaseOutcomeDelegate(CaseRepository cases, ApplicationService applications, StatusHistory history) {
		this.cases = cases;
		this.applications = applications;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseRecord record = this.cases.find(execution.getProcessBusinessKey()).orElseThrow();
		if (record.applicationNumber() != null) {
			this.applications.recordNotice(this.applications.get(record.applicationNumber()).id(),
					record.kind() + "_OUTCOME",
					record.number() + " " + record.outcome() + ": " + record.outcomeReasons(), record.decidedBy());
		}
		this.cases.communicated(record.id());
		this.history.record(StatusHistory.Entity.CASE, record.number(), record.outcome(), "CLOSED", CurrentUser.SYSTEM,
				"outcome communicated to " + record.complainant(), StatusHistory.Process.of(execution));
	}

}
