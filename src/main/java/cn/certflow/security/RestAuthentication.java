package cn.certflow.security;

import java.io.IOException;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * HTTP Basic authentication against the Camunda identity service for Camunda's REST API
 * ({@code /engine-rest}) and ours ({@code /api}); the caller then acts under Camunda
 * authorization. Only the public certificate lookup (R-CERT-2) is open.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new EveryRequestAuthentication());
		registration.setName("engine-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication() {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter());
		registration.setName("api-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/**
	 * Camunda's filter, without its one exception: it lets
	 * {@code GET /engine-rest/engine} (the list of engine names) through unauthenticated.
	 * Nothing under /engine-rest or /api answers a stranger.
	 */
	static class EveryRequestAuthentication extends ProcessEngineAuthenticationFilter {

		@Override
		protected boolean requiresEngineAuthentication(String requestUrl) {
			return true;
		}

	}

	/** Authenticates every /api request except GET /api/certificates/{number}. */
	static class ApiAuthenticationFilter implements Filter {

		private final ProcessEngineAuthenticationFilter authentication = new EveryRequestAuthentication();

		@Override
		public void init(FilterConfig config) throws ServletException {
			this.authentication.init(config);
		}

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (isPublic((HttpServletRequest) request)) {
				chain.doFilter(request, response);
			}
			else {
				this.authentication.doFilter(request, response, chain);
			}
		}

		static boolean isPublic(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return "GET".equals(request.getMethod()) && path.matches("/api/certificates/[A-Za-z0-9-]+");
		}

		@Override
		public void destroy() {
			this.authentication.destroy();
		}

	}

}
