package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.CLIENT_SIGNED_RESULT;
import static cn.certflow.audit.OnsiteAudit.VERIFICATION_NOTES;
import static cn.certflow.audit.OnsiteAudit.VERIFICATION_OUTCOME;

import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Verification of the corrections (R-AUD-3, PCEC 8.2.4; {@link NonconformityCorrection}):
 * all closed; or a repeat on-site audit or a "do not recommend", each a written result
 * that the client signs.
 */
@Component
class CorrectionVerificationListener implements TaskListener {

	static final String CLOSED = NonconformityCorrection.CLOSED;

	static final String REPEAT_AUDIT = NonconformityCorrection.REPEAT_AUDIT;

	static final String NOT_RECOMMENDED = NonconformityCorrection.NOT_RECOMMENDED;

	private final NonconformityCorrection corrections;

	private final CurrentUser currentUser;

	CorrectionVerificationListener(NonconformityCorrection corrections, CurrentUser currentUser) {
		this.corrections = corrections;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(VERIFICATION_OUTCOME, task,
				Set.of(CLOSED, REPEAT_AUDIT, NOT_RECOMMENDED));
		NonconformityCorrection.WrittenResult signature = new NonconformityCorrection.WrittenResult(
				Boolean.TRUE.equals(CLIENT_SIGNED_RESULT.from(task).getOrNull()),
				OnsiteAudit.CLIENT_SIGNATORY.from(task).getOrNull());
		OnsiteAudit.OPEN_NONCONFORMITIES.on(task)
			.set(this.corrections.verify(task.getExecution(), outcome, signature,
					VERIFICATION_NOTES.from(task).getOrNull(), this.currentUser.id(task)));
	}

}
