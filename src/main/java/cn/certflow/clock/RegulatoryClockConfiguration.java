package cn.certflow.clock;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@link RegulatoryClock} bean ({@code regulatoryClock}, also for BPMN expressions),
 * bound from {@code certflow.regulatory-clock.<name>: <ISO-8601 period>}; a name that is
 * not a {@link RegulatoryPeriod} or a value that is not a period stops the start.
 */
@Configuration(proxyBeanMethods = false)
class RegulatoryClockConfiguration {

	@Bean
	RegulatoryClock regulatoryClock(Environment environment) {
		Map<RegulatoryPeriod, Period> configured = Binder.get(environment)
			.bind("certflow.regulatory-clock", Bindable.mapOf(RegulatoryPeriod.class, Period.class))
			.orElse(Map.of());
		return new RegulatoryClock(configured);
	}

}
