package cn.certflow.appeal;

import cn.certflow.security.TasklistFilterKeys;
import cn.certflow.security.TasklistFilterKeys.Filter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** An appeal or complaint to decide, a quality managers' task (R-APL-1). */
@Configuration(proxyBeanMethods = false)
class AppealTasklistFilters {

	@Bean
	TasklistFilterKeys caseDecisionFilterKeys() {
		return new TasklistFilterKeys(Filter.CASES, AppealComplaint.Elements.DECIDE);
	}

}
