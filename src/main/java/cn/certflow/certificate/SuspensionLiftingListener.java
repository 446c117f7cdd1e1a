package cn.certflow.certificate;

import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Lifting needs a verification that the cause is cleared, recorded in words (R-SUS-1).
 */
@Component
class SuspensionLiftingListener implements TaskListener {

	@Override
	public void notify(DelegateTask task) {
		if (!Boolean.TRUE.equals(CertificateSuspension.CAUSE_CLEARED.from(task).getOrNull())) {
			throw new InvalidInputException(CertificateSuspension.CAUSE_CLEARED.getName(),
					"lifting needs the verification that the cause of the suspension is cleared");
		}
		String notes = FormInput.requiredText(CertificateSuspension.VERIFICATION_NOTES, task,
				"record how the clearing of the cause was verified");
		CertificateLifecycle.STATUS_REASON.on(task.getExecution()).set("恢复，验证记录: " + notes);
	}

}
