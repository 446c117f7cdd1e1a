package cn.certflow.certificate;

import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Review of a change, extension, upgrade or transition request (R-CHG-1, R-EXT-1,
 * R-UPG-1; {@link ChangeRequestReview}).
 */
@Component
class ChangeRequestReviewListener implements TaskListener {

	private final ChangeRequestReview review;

	private final CurrentUser currentUser;

	ChangeRequestReviewListener(ChangeRequestReview review, CurrentUser currentUser) {
		this.review = review;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(CertificateLifecycle.CHANGE_REVIEW_OUTCOME, task,
				Set.of("ACCEPT", "REJECT"));
		this.review.review(task, "ACCEPT".equals(outcome), this.currentUser.id(task));
	}

}
