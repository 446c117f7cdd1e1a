package cn.certflow.audit;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The client submits its corrective actions (issue 18 point 3, R-AUD-3): every open
 * nonconformity needs its answer and evidence ({@link ClientCorrectiveActions}); the
 * answers go on to the lead auditor's verification as {@code clientCorrectiveActions}.
 */
@Component
class CorrectiveActionsListener implements TaskListener {

	private final ClientCorrectiveActions actions;

	private final AuditService audits;

	CorrectiveActionsListener(ClientCorrectiveActions actions, AuditService audits) {
		this.actions = actions;
		this.audits = audits;
	}

	@Override
	public void notify(DelegateTask task) {
		long auditId = this.audits.currentAudit(task.getExecution()).id();
		OnsiteAudit.CLIENT_CORRECTIVE_ACTIONS.on(task.getExecution().getProcessInstance())
			.set(this.actions.requireAnswered(auditId));
	}

}
