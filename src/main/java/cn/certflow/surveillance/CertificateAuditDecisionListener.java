package cn.certflow.surveillance;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormLists;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The decision form after an audit, judged against the rules' recommendation and recorded
 * by {@link CertificateAuditDecisions} (R-SUR-3: never milder than advised).
 */
@Component
class CertificateAuditDecisionListener implements TaskListener {

	private final CertificateAuditDecisions decisions;

	private final CurrentUser currentUser;

	CertificateAuditDecisionListener(CertificateAuditDecisions decisions, CurrentUser currentUser) {
		this.decisions = decisions;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		this.decisions.decide(task,
				new CertificateAuditDecisions.Form(
						FormLists.strings(CertificateAudit.SANCTION_FACTS.from(task).getOrNull()),
						CertificateAudit.DECISION_REASONS.from(task).getOrNull(),
						new SurveillanceReduction.Request(
								Boolean.TRUE.equals(CertificateAudit.REDUCE_SURVEILLANCE.from(task).getOrNull()),
								CertificateAudit.SURVEILLANCE_REDUCTION_REASON.from(task).getOrNull()),
						this.currentUser.id(task)));
	}

}
