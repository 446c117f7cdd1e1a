package cn.certflow.audit;

import cn.certflow.security.TasklistFilterKeys;
import cn.certflow.security.TasklistFilterKeys.Filter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of a running on-site audit (lead auditors) and the termination to approve
 * (quality managers).
 */
@Configuration(proxyBeanMethods = false)
class AuditTasklistFilters {

	@Bean
	TasklistFilterKeys runningAuditFilterKeys() {
		return new TasklistFilterKeys(Filter.RUNNING_AUDITS, OnsiteAudit.Elements.OPENING_MEETING,
				OnsiteAudit.Elements.EVALUATE_SERVICE_CHARACTERISTICS, OnsiteAudit.Elements.AUDIT_SERVICE_MANAGEMENT,
				OnsiteAudit.Elements.SCORE_AUDIT, OnsiteAudit.Elements.CLOSING_MEETING,
				OnsiteAudit.Elements.VERIFY_CORRECTIONS);
	}

	/**
	 * The client's corrective actions (issue 18 point 3), seen by staff, done by the
	 * client.
	 */
	@Bean
	TasklistFilterKeys clientCorrectiveActionsFilterKeys() {
		return new TasklistFilterKeys(Filter.CLIENT_TASKS, OnsiteAudit.Elements.SUBMIT_CORRECTIVE_ACTIONS);
	}

	@Bean
	TasklistFilterKeys terminationApprovalFilterKeys() {
		return new TasklistFilterKeys(Filter.TERMINATIONS, OnsiteAudit.Elements.APPROVE_TERMINATION);
	}

}
