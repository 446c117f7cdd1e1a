package cn.certflow.application;

import cn.certflow.security.CertificationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the security setup which process reviewers start and which task is the
 * certification decision ({@link CertificationEntry}).
 */
@Configuration(proxyBeanMethods = false)
class CertificationEntryRegistration {

	@Bean
	CertificationEntry certificationEntry() {
		return new CertificationEntry(InitialCertification.KEY, InitialCertification.Elements.CERTIFICATION_DECISION);
	}

}
