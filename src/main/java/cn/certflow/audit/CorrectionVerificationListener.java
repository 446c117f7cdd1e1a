package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.CLIENT_SIGNED_RESULT;
import static cn.certflow.audit.OnsiteAudit.VERIFICATION_NOTES;
import static cn.certflow.audit.OnsiteAudit.VERIFICATION_OUTCOME;

import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Verification of the corrections (R-AUD-3, PCEC 8.2.4): all closed; or a repeat on-site
 * audit; or a "do not recommend" result that the client signs.
 */
@Component
class CorrectionVerificationListener implements TaskListener {

	static final String CLOSED = "CLOSED";

	static final String REPEAT_AUDIT = "REPEAT_AUDIT";

	static final String NOT_RECOMMENDED = "NOT_RECOMMENDED";

	private final AuditService audits;

	private final CurrentUser currentUser;

	CorrectionVerificationListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(VERIFICATION_OUTCOME, task,
				Set.of(CLOSED, REPEAT_AUDIT, NOT_RECOMMENDED));
		if (NOT_RECOMMENDED.equals(outcome) && !Boolean.TRUE.equals(CLIENT_SIGNED_RESULT.from(task).getOrNull())) {
			throw new InvalidInputException(CLIENT_SIGNED_RESULT.getName(),
					"the client must sign the written \"do not recommend\" result (PCEC 8.2.4)");
		}
		long auditId = this.audits.currentAudit(task.getExecution()).id();
		String by = this.currentUser.id(task);
		if (CLOSED.equals(outcome)) {
			this.audits.closeNonconformities(auditId, by);
		}
		this.audits.recordEvent(auditId, "CORRECTIONS_" + outcome, VERIFICATION_NOTES.from(task).getOrNull(), by);
		OnsiteAudit.OPEN_NONCONFORMITIES.on(task).set(this.audits.openNonconformities(auditId));
	}

}
