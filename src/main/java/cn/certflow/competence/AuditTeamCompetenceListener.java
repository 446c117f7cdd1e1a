package cn.certflow.competence;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditRecord;
import cn.certflow.audit.AuditService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * R-COMP-1, PCEC 8.1, ZHHT 5.2.1 c: every member of the audit team just planned (from our
 * records, after {@code auditPlanListener}) holds a qualification valid today for the
 * application's scheme and technical area — the lead as lead auditor, the others as
 * auditors; otherwise the plan is refused (403) and rolled back.
 */
@Component
class AuditTeamCompetenceListener implements TaskListener {

	static final String STEP = "AUDIT_TEAM";

	private final Qualifications qualifications;

	private final AuditService audits;

	private final ApplicationService applications;

	AuditTeamCompetenceListener(Qualifications qualifications, AuditService audits, ApplicationService applications) {
		this.qualifications = qualifications;
		this.audits = audits;
		this.applications = applications;
	}

	@Override
	public void notify(DelegateTask task) {
		AuditRecord audit = this.audits.currentAudit(task.getExecution());
		ApplicationRecord application = this.applications.byId(audit.applicationId());
		this.qualifications.requireAuditTeam(application, STEP, this.audits.teamRoles(audit.id()));
	}

}
