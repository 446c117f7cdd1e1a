package cn.certflow.application;

import cn.certflow.security.TasklistFilterKeys;
import cn.certflow.security.TasklistFilterKeys.Filter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The certification decision and the audit to plan, in the Tasklist filters of decision
 * makers and lead auditors.
 */
@Configuration(proxyBeanMethods = false)
class ApplicationTasklistFilters {

	@Bean
	TasklistFilterKeys certificationDecisionFilterKeys() {
		return new TasklistFilterKeys(Filter.DECISIONS, InitialCertification.Elements.CERTIFICATION_DECISION);
	}

	/**
	 * The client's corrected documents (issue 18 point 3), seen by staff, done by the
	 * client.
	 */
	@Bean
	TasklistFilterKeys clientDocumentCorrectionsFilterKeys() {
		return new TasklistFilterKeys(Filter.CLIENT_TASKS, InitialCertification.Elements.SUBMIT_CORRECTIONS);
	}

	@Bean
	TasklistFilterKeys initialAuditToPlanFilterKeys() {
		return new TasklistFilterKeys(Filter.AUDITS_TO_PLAN, InitialCertification.Elements.APPOINT_AUDIT_TEAM,
				InitialCertification.Elements.PLAN_AUDIT);
	}

}
