package cn.certflow.surveillance;

import java.util.Set;

import cn.certflow.system.FormInput;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The plan form of an audit after certification: plan it, or postpone an annual
 * surveillance ({@link CertificateAuditPlanning}: R-SUR-1, PCEC 10.1, 10.3).
 */
@Component
class CertificateAuditPlanListener implements TaskListener {

	static final String PLAN = "PLAN";

	static final String POSTPONE = "POSTPONE";

	private final CertificateAuditPlanning planning;

	CertificateAuditPlanListener(CertificateAuditPlanning planning) {
		this.planning = planning;
	}

	@Override
	public void notify(DelegateTask task) {
		CertificateAudit.Kind kind = CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(task).get());
		String decision = FormInput.requiredChoice(CertificateAudit.PLAN_DECISION, task, Set.of(PLAN, POSTPONE));
		this.planning.decide(task, kind, POSTPONE.equals(decision));
	}

}
