package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.FINDINGS;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Service characteristic evaluation and service management audit (R-AUD-1): findings
 * recorded, termination proposed by the rules or by hand (R-AUD-2;
 * {@link TerminationProposal}).
 */
@Component
class AuditFindingsListener implements TaskListener {

	private final TerminationProposal termination;

	private final CurrentUser currentUser;

	AuditFindingsListener(TerminationProposal termination, CurrentUser currentUser) {
		this.termination = termination;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String findings = FormInput.requiredText(FINDINGS, task, "record the findings of " + task.getName());
		this.termination.findings(task, findings, this.currentUser.id(task));
	}

}
