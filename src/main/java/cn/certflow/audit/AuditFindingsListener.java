package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.AUDIT_ID;
import static cn.certflow.audit.OnsiteAudit.FINDINGS;
import static cn.certflow.audit.OnsiteAudit.PROPOSE_TERMINATION;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_CLAUSE;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_PROPOSED;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_REASON;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Service characteristic evaluation and service management audit (R-AUD-1): findings recorded; an auditor may
 * propose termination with a clause of PCEC 8.2.5 and a reason (R-AUD-2), which then needs the CB's approval.
 */
@Component
class AuditFindingsListener implements TaskListener {

	private final AuditService audits;

	private final CurrentUser currentUser;

	AuditFindingsListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String findings = FormInput.requiredText(FINDINGS, task, "record the findings of " + task.getName());
		long auditId = AUDIT_ID.from(task).get();
		String by = this.currentUser.id(task);
		this.audits.recordEvent(auditId, task.getTaskDefinitionKey(), findings, by);
		if (Boolean.TRUE.equals(PROPOSE_TERMINATION.from(task).getOrNull())) {
			String clause = FormInput.requiredText(TERMINATION_CLAUSE, task, "name the clause of PCEC 8.2.5 (1)-(8)");
			String reason = FormInput.requiredText(TERMINATION_REASON, task, "a termination proposal needs a reason");
			this.audits.recordEvent(auditId, "TERMINATION_PROPOSED", "PCEC 8.2.5 " + clause + ": " + reason, by);
			// the task's own fields are local (the two evaluations run in parallel); the proposal goes to the audit
			DelegateExecution audit = task.getExecution().getProcessInstance();
			TERMINATION_PROPOSED.on(audit).set(true);
			TERMINATION_CLAUSE.on(audit).set(clause);
			TERMINATION_REASON.on(audit).set(reason);
		}
	}

}
