package cn.certflow.certificate;

import cn.certflow.security.TasklistFilterKeys;
import cn.certflow.security.TasklistFilterKeys.Filter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The verification that a suspension's cause is cleared, a decision makers' task. */
@Configuration(proxyBeanMethods = false)
class CertificateTasklistFilters {

	@Bean
	TasklistFilterKeys liftingVerificationFilterKeys() {
		return new TasklistFilterKeys(Filter.DECISIONS, CertificateSuspension.Elements.VERIFY_LIFTING);
	}

}
