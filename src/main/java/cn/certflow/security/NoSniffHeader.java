package cn.certflow.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code X-Content-Type-Options: nosniff} on every response of our API and Camunda's REST
 * API (issue 15.6), set before anything else answers (a 401 or an error included): a
 * browser takes a document or an attachment for the type it is served as, and never
 * guesses HTML or script from its bytes. The webapps send it themselves (Camunda's header
 * security filter).
 */
@Configuration(proxyBeanMethods = false)
class NoSniffHeader {

	@Bean
	FilterRegistrationBean<Filter> noSniffOnTheApis() {
		Filter noSniff = (request, response, chain) -> {
			((HttpServletResponse) response).setHeader("X-Content-Type-Options", "nosniff");
			chain.doFilter(request, response);
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(noSniff);
		registration.setName("api-nosniff");
		registration.addUrlPatterns("/api/*", "/engine-rest/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
