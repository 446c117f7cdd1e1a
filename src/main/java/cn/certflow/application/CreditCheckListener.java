package cn.certflow.application;

import static cn.certflow.application.InitialCertification.CREDIT_ABNORMAL_LIST;
import static cn.certflow.application.InitialCertification.CREDIT_CHECKED_ON;
import static cn.certflow.application.InitialCertification.CREDIT_LOOKED_UP;
import static cn.certflow.application.InitialCertification.CREDIT_PENALTY;
import static cn.certflow.application.InitialCertification.CREDIT_SERIOUS_LIST;
import static cn.certflow.application.InitialCertification.REVIEW_OUTCOME;

import java.util.EnumMap;
import java.util.Map;

import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing the application review, R-CRED-1 (PCEC 7.1, ZHHT 5.2.1 a): the credit
 * lookups on the form are recorded, and an acceptance is refused by {@link CreditChecks}
 * unless the lookups allow it. Runs after {@code applicationReviewListener} in the same
 * transaction.
 */
@Component
class CreditCheckListener implements TaskListener {

	private final CreditChecks creditChecks;

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	CreditCheckListener(CreditChecks creditChecks, ApplicationService applications, CurrentUser currentUser) {
		this.creditChecks = creditChecks;
		this.applications = applications;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		Map<CreditCheckKind, String> results = new EnumMap<>(CreditCheckKind.class);
		results.put(CreditCheckKind.ADMINISTRATIVE_PENALTY, CREDIT_PENALTY.from(task).getOrNull());
		results.put(CreditCheckKind.ABNORMAL_OPERATION_LIST, CREDIT_ABNORMAL_LIST.from(task).getOrNull());
		results.put(CreditCheckKind.SERIOUS_VIOLATION_LIST, CREDIT_SERIOUS_LIST.from(task).getOrNull());
		String number = this.applications.forProcess(task.getProcessInstanceId()).number();
		this.creditChecks.onReview(number,
				ApplicationReviewListener.ACCEPT.equals(REVIEW_OUTCOME.from(task).getOrNull()), results,
				CREDIT_LOOKED_UP.from(task).getOrNull(), CREDIT_CHECKED_ON.from(task).getOrNull(),
				this.currentUser.id(task));
	}

}
