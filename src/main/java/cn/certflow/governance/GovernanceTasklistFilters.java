package cn.certflow.governance;

import cn.certflow.security.TasklistFilterKeys;
import cn.certflow.security.TasklistFilterKeys.Filter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A decision table change awaiting a quality manager. */
@Configuration(proxyBeanMethods = false)
class GovernanceTasklistFilters {

	@Bean
	TasklistFilterKeys tableApprovalFilterKeys() {
		return new TasklistFilterKeys(Filter.TABLE_APPROVALS, DecisionTableChange.Elements.APPROVE_CHANGE,
				DecisionTableChange.Elements.REVIEW_FAILED_CASES);
	}

}
