package cn.certflow.security;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The login throttle and the public lookup's rate limit, ahead of Camunda's
 * authentication filters and the webapps' own (CSRF, session authentication), so that a
 * refused request costs no password check. Both key on the request's source address
 * (ServletRequest#getRemoteAddr): behind a reverse proxy or balancer that is the proxy's,
 * unless Spring Boot is told to take the client's from X-Forwarded-For
 * (server.forward-headers-strategy=native with the proxy's address in
 * server.tomcat.remoteip.internal-proxies).
 */
@Configuration(proxyBeanMethods = false)
class ThrottleFilters {

	@Bean
	FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
		FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
				new LoginThrottleFilter(throttle));
		registration.setName("login-throttle");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
		registration.addUrlPatterns(RestAuthentication.ApiAuthenticationFilter.DOCUMENTATION_PATTERNS);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<PublicLookupRateLimit> publicLookupRateLimitFilter(
			@Value("${certflow.public-lookup.requests-per-minute:60}") int requestsPerMinute) {
		FilterRegistrationBean<PublicLookupRateLimit> registration = new FilterRegistrationBean<>(
				new PublicLookupRateLimit(requestsPerMinute, Clock.systemUTC()));
		registration.setName("public-lookup-rate-limit");
		registration.addUrlPatterns("/api/certificates/*", "/verify.html");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
		return registration;
	}

}
