package cn.certflow.portal;

import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditService;
import cn.certflow.security.Groups;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The client's corrective actions are past their 30-day deadline (issue 18, R-AUD-3): the
 * escalation to the lead auditors is recorded, from our records of the audit; the
 * client's task stays open and shows as overdue in Tasklist's 客户待办 filter.
 */
@Component
class CorrectiveActionsOverdueDelegate implements JavaDelegate {

	static final String KIND = "CLIENT_CORRECTIVE_ACTIONS_OVERDUE";

	private final AuditService audits;

	private final ApplicationService applications;

	CorrectiveActionsOverdueDelegate(AuditService audits, ApplicationService applications) {
		this.audits = audits;
		this.applications = applications;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long applicationId = this.audits.currentAudit(execution).applicationId();
		this.applications.recordEscalation(this.applications.byId(applicationId).number(), KIND, EngineTime.now(),
				Groups.LEAD_AUDITORS);
	}

}
