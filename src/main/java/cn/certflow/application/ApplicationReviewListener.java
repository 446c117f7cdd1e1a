package cn.certflow.application;

import static cn.certflow.application.InitialCertification.CONFIRM_CLIENT_CHANGE;
import static cn.certflow.application.InitialCertification.REJECTION_REASON;
import static cn.certflow.application.InitialCertification.REVIEW_OUTCOME;

import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completing the application review (R-APP-2/3, R-ID-1; {@link ApplicationReview}). */
@Component
class ApplicationReviewListener implements TaskListener {

	static final String ACCEPT = "ACCEPT";

	static final String REJECT = "REJECT";

	private final ApplicationReview review;

	private final CurrentUser currentUser;

	ApplicationReviewListener(ApplicationReview review, CurrentUser currentUser) {
		this.review = review;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(REVIEW_OUTCOME, task, Set.of(ACCEPT, REJECT));
		this.review.review(task.getProcessInstanceId(), ACCEPT.equals(outcome), FormInput.text(REJECTION_REASON, task),
				Boolean.TRUE.equals(CONFIRM_CLIENT_CHANGE.from(task).getOrNull()), this.currentUser.id(task));
	}

}
