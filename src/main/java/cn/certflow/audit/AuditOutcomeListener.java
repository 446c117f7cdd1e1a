package cn.certflow.audit;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * At each end event of onsite-audit: the outcome handed back to the caller and kept on
 * the audit record.
 */
@Component
class AuditOutcomeListener implements ExecutionListener {

	private final AuditService audits;

	private final CurrentUser currentUser;

	AuditOutcomeListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateExecution execution) {
		OnsiteAudit.Outcome outcome = OnsiteAudit.OUTCOME_BY_END_EVENT.get(execution.getCurrentActivityId());
		OnsiteAudit.AUDIT_OUTCOME.on(execution).set(outcome.name());
		this.audits.changeStatus(this.audits.currentAudit(execution).id(),
				(outcome == OnsiteAudit.Outcome.TERMINATED) ? AuditStatus.TERMINATED : AuditStatus.COMPLETED,
				outcome.name(), this.currentUser.id(), "on-site audit ended: " + outcome);
	}

}
