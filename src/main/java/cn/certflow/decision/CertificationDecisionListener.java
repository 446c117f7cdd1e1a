package cn.certflow.decision;

import static cn.certflow.application.InitialCertification.DECISION_OUTCOME;
import static cn.certflow.application.InitialCertification.DECISION_REASONS;
import static cn.certflow.application.InitialCertification.EXTERNAL_INFORMATION;
import static cn.certflow.application.InitialCertification.NOT_RECOMMENDED_OVERRIDE;

import java.util.Set;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The certification decision form (R-DEC-1/2), judged and recorded by
 * {@link CertifyOnPassingGrade}.
 */
@Component
class CertificationDecisionListener implements TaskListener {

	private final CertifyOnPassingGrade decision;

	private final CurrentUser currentUser;

	CertificationDecisionListener(CertifyOnPassingGrade decision, CurrentUser currentUser) {
		this.decision = decision;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(DECISION_OUTCOME, task,
				Set.of(CertifyOnPassingGrade.CERTIFY, CertifyOnPassingGrade.REFUSE));
		// application, audit and grade from our records (issue 15)
		this.decision.decide(task.getExecution(), outcome, FormInput.text(DECISION_REASONS, task),
				FormInput.text(EXTERNAL_INFORMATION, task), FormInput.text(NOT_RECOMMENDED_OVERRIDE, task),
				this.currentUser.id(task));
	}

}
