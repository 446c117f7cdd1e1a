package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.NONCONFORMITIES;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Closing meeting (R-AUD-1, R-AUD-3; {@link NonconformityCorrection}): the correction
 * deadline becomes the due date of the verification task.
 */
@Component
class ClosingMeetingListener implements TaskListener {

	/** The length of nonconformity.description. */
	private static final int DESCRIPTION_LENGTH = 2000;

	private final NonconformityCorrection corrections;

	private final CurrentUser currentUser;

	ClosingMeetingListener(NonconformityCorrection corrections, CurrentUser currentUser) {
		this.corrections = corrections;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		NonconformityCorrection.Closing closing = this.corrections.closingMeeting(task.getExecution(),
				FormInput.lines(NONCONFORMITIES, task, DESCRIPTION_LENGTH), this.currentUser.id(task));
		closing.correctionDue()
			.ifPresent((due) -> OnsiteAudit.CORRECTION_DUE_DATE.on(task).set(EngineTime.toDate(due)));
		OnsiteAudit.OPEN_NONCONFORMITIES.on(task).set(closing.open());
	}

}
