package cn.certflow.audit;

import java.util.Map;

import cn.certflow.application.ApplicationService;
import cn.certflow.grading.GradingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * CQM 5.1 grades on three on-site methods (R-GRD-CQM-1): the service-characteristic
 * evaluation, the management audit (CQM 5.3) and the customer perception survey (CQM
 * 5.4). The results of the last two are recorded on the audit where they arise — the
 * management-audit task and the survey's record on the characteristic-evaluation task —
 * and reach the scoring as the process's variables, which the scoring form shows but
 * cannot change (issue 20 point 10). Schemes graded on a sheet (PCEC, ZHHT) record
 * nothing here.
 */
@Service
class CqmEvaluationRecords {

	private final AuditService audits;

	private final ApplicationService applications;

	private final GradingService grading;

	CqmEvaluationRecords(AuditService audits, ApplicationService applications, GradingService grading) {
		this.audits = audits;
		this.applications = applications;
		this.grading = grading;
	}

	/** The management audit's result, checked and recorded on the current audit. */
	void managementAudit(DelegateExecution execution, Map<String, Object> entered, String by) {
		AuditRecord audit = this.audits.currentAudit(execution);
		this.grading.managementAudit(schemeOf(audit), entered)
			.ifPresent((result) -> this.audits.recordEvent(audit.id(), "MANAGEMENT_AUDIT_RESULT", result.asText(), by));
	}

	/**
	 * The customer perception survey's result, checked and recorded on the current audit.
	 */
	void customerSurvey(DelegateExecution execution, Map<String, Object> entered, String by) {
		AuditRecord audit = this.audits.currentAudit(execution);
		this.grading.customerSurvey(schemeOf(audit), entered)
			.ifPresent((result) -> this.audits.recordEvent(audit.id(), "CUSTOMER_SURVEY", result.asText(), by));
	}

	private String schemeOf(AuditRecord audit) {
		return this.applications.byId(audit.applicationId()).schemeId();
	}

}
