package cn.certflow.audit;

import cn.certflow.application.ApplicationService;
import cn.certflow.system.CurrentUser;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Approved termination: the audit ends without a grade and the client is informed in
 * writing (R-AUD-2).
 */
@Component
class RecordTerminationDelegate implements JavaDelegate {

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	private final AuditService audits;

	RecordTerminationDelegate(ApplicationService applications, CurrentUser currentUser, AuditService audits) {
		this.applications = applications;
		this.currentUser = currentUser;
		this.audits = audits;
	}

	@Override
	public void execute(DelegateExecution execution) {
		AuditRecord audit = this.audits.currentAudit(execution);
		var application = this.applications.byId(audit.applicationId());
		this.applications
			.recordNotice(application.id(), "AUDIT_TERMINATED",
					application.clientName() + "：现场审查（审查编号 " + audit.id() + "）依据 PCEC 8.2.5 终止。原因："
							+ OnsiteAudit.TERMINATION_REASON.from(execution).getOrDefault("见审查记录"),
					this.currentUser.id());
	}

}
