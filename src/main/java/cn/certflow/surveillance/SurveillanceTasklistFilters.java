package cn.certflow.surveillance;

import cn.certflow.security.TasklistFilterKeys;
import cn.certflow.security.TasklistFilterKeys.Filter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decision after a surveillance, special, recertification or change audit, and the
 * audit to plan, in the Tasklist filters of decision makers and lead auditors.
 */
@Configuration(proxyBeanMethods = false)
class SurveillanceTasklistFilters {

	@Bean
	TasklistFilterKeys certificateAuditDecisionFilterKeys() {
		return new TasklistFilterKeys(Filter.DECISIONS, CertificateAudit.Elements.DECIDE);
	}

	@Bean
	TasklistFilterKeys certificateAuditToPlanFilterKeys() {
		return new TasklistFilterKeys(Filter.AUDITS_TO_PLAN, CertificateAudit.Elements.PLAN_AUDIT);
	}

}
