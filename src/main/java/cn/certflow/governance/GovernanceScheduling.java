package cn.certflow.governance;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs {@link NewDecisionVersions#poll()} every
 * {@code certflow.governance.check-interval}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class GovernanceScheduling {

}
