package cn.certflow.appeal;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The outcome and its reasons go to the complainant in writing; the client too when the
 * case concerns it (R-APL-1). The case's next step e-mails them at once.
 */
@Component
class CommunicateCaseOutcomeDelegate implements JavaDelegate {

	private final CaseRepository cases;

	private final CaseNotices notices;

	private final StatusHistory history;

	CommunicateCaseOutcomeDelegate(CaseRepository cases, CaseNotices notices, StatusHistory history) {
		this.cases = cases;
		this.notices = notices;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		CaseRecord record = this.cases.find(execution.getProcessBusinessKey()).orElseThrow();
		this.notices.outcome(record);
		this.cases.communicated(record.id());
		this.history.record(StatusHistory.Entity.CASE, record.number(), record.outcome(), "CLOSED", CurrentUser.SYSTEM,
				"outcome communicated to " + record.complainant(), StatusHistory.Process.of(execution));
	}

}
