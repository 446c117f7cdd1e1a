package cn.certflow.security;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP Basic authentication against the Camunda identity service for Camunda's REST API
 * ({@code /engine-rest}) and ours ({@code /api}); the caller then acts under Camunda
 * authorization. Only the public certificate lookup (R-CERT-2) is open. Client accounts
 * (issue 18) get 403 on {@code /engine-rest} and on every staff {@code /api} path; staff
 * get 403 on the client API {@code /api/client/**}. The OpenAPI document of {@code /api}
 * ({@code /v3/api-docs}) and its Swagger UI ({@code /swagger-ui/}) ask for the same HTTP
 * Basic login and answer staff and client accounts alike: a client's IT integrates from
 * it, a stranger learns nothing of the API.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthentication {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(IdentityService identity) {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new EveryRequestAuthentication(identity));
		registration.setName("engine-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
		FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ApiAuthenticationFilter(identity));
		registration.setName("api-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/api/*");
		registration.addUrlPatterns(ApiAuthenticationFilter.DOCUMENTATION_PATTERNS);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ClientAccountsKeptOut> clientAccountsKeptOutOfWebapps(IdentityService identity) {
		FilterRegistrationBean<ClientAccountsKeptOut> registration = new FilterRegistrationBean<>(
				new ClientAccountsKeptOut(identity));
		registration.setName("client-accounts-kept-out-of-webapps");
		registration.addUrlPatterns("/camunda/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
		return registration;
	}

	/**
	 * Camunda's filter, without its one exception: it lets
	 * {@code GET /engine-rest/engine} (the list of engine names) through unauthenticated.
	 * Nothing under /engine-rest or /api answers a stranger.
	 */
	static class EveryRequestAuthentication extends ProcessEngineAuthenticationFilter {

		private final IdentityService identity;

		EveryRequestAuthentication(IdentityService identity) {
			this.identity = identity;
		}

		@Override
		protected boolean requiresEngineAuthentication(String requestUrl) {
			return true;
		}

		/**
		 * Authenticates, then refuses a client account (issue 18): no engine API for
		 * them.
		 */
		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			super.doFilter(request, response, (req, res) -> {
				if (ClientAccountsKeptOut.callerIsClient(this.identity)) {
					ProblemResponse.send((HttpServletResponse) res, HttpStatus.FORBIDDEN,
							ClientAccountsKeptOut.REFUSED);
				}
				else {
					chain.doFilter(req, res);
				}
			});
		}

	}

	/**
	 * Authenticates every /api request except GET /api/certificates/{number}; the client
	 * API {@code /api/client/**} is for client accounts only, every other path for staff
	 * only (issue 18).
	 */
	static class ApiAuthenticationFilter implements Filter {

		static final String STAFF_REFUSED = "客户接口 /api/client 只供客户账户使用 (the client API is for client accounts)";

		/** The OpenAPI document (JSON, YAML) and Swagger UI: for staff and clients. */
		static final String[] DOCUMENTATION_PATTERNS = { "/v3/api-docs", "/v3/api-docs/*", "/v3/api-docs.yaml",
				"/swagger-ui.html", "/swagger-ui/*" };

		private final ProcessEngineAuthenticationFilter authentication;

		private final IdentityService identity;

		ApiAuthenticationFilter(IdentityService identity) {
			this.identity = identity;
			this.authentication = new ProcessEngineAuthenticationFilter() {

				@Override
				protected boolean requiresEngineAuthentication(String requestUrl) {
					return true;
				}

			};
		}

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
				boolean clientApi = isClientApi((HttpServletRequest) request);
				boolean documentation = isDocumentation((HttpServletRequest) request);
				this.authentication.doFilter(request, response, (req, res) -> {
					boolean client = ClientAccountsKeptOut.callerIsClient(this.identity);
					if (!documentation && client != clientApi) {
						ProblemResponse.send((HttpServletResponse) res, HttpStatus.FORBIDDEN,
								client ? ClientAccountsKeptOut.REFUSED : STAFF_REFUSED);
					}
					else {
						chain.doFilter(req, res);
					}
				});
			}
		}

		static boolean isClientApi(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.equals("/api/client") || path.startsWith("/api/client/");
		}

		static boolean isDocumentation(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
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
