package cn.certflow.system;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 15, point 8: requests that no handler should ever see, answered 400 before
 * anything runs (authentication, access checks, the engine), instead of failing deep
 * inside with 500:
 * <ul>
 * <li>an {@code Accept} header that is no list of media types (e.g.
 * {@code text/html;q=x}, {@code @@@}): every handler that looks at it (our certificate
 * file picks HTML or JSON by it) and every error response would fail on it;</li>
 * <li>paging of Camunda's REST API ({@code /engine-rest}, and the webapps'
 * {@code /camunda/api}): {@code firstResult} and {@code maxResults} must be whole numbers
 * from 0 (the engine answers a negative one with 500, a word with 404).</li>
 * </ul>
 * Our API answers as problem details naming the field, Camunda's APIs in Camunda's error
 * format ({@code {"type":"InvalidRequestException","message":…}}).
 */
@Configuration(proxyBeanMethods = false)
class MalformedRequests {

	/**
	 * Whole numbers from 0 up to Integer.MAX_VALUE's order of magnitude (what Camunda's
	 * query parameters hold).
	 */
	private static final Pattern PAGING_VALUE = Pattern.compile("0|[1-9][0-9]{0,8}");

	static final List<String> PAGING_PARAMETERS = List.of("firstResult", "maxResults");

	@Bean
	FilterRegistrationBean<Check> malformedRequestsFilter() {
		FilterRegistrationBean<Check> registration = new FilterRegistrationBean<>(new Check());
		registration.setName("malformed-requests");
		registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
		// ahead of authentication: a malformed request is refused whoever sends it, and
		// says nothing about anyone
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	static final class Check extends OncePerRequestFilter {

		private static final ObjectMapper JSON = new ObjectMapper();

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			List<InvalidInputException.FieldProblem> problems = problems(request);
			if (problems.isEmpty()) {
				chain.doFilter(request, response);
				return;
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			Map<String, Object> body = new LinkedHashMap<>();
			String detail = problems.stream()
				.map(p -> p.field() + ": " + p.message())
				.reduce((a, b) -> a + "; " + b)
				.get();
			if (path.startsWith("/api/")) {
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				body.put("type", "about:blank");
				body.put("title", "Invalid input");
				body.put("status", 400);
				body.put("detail", detail);
				body.put("instance", path);
				body.put("errors",
						problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
			}
			else {
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				body.put("type", "InvalidRequestException");
				body.put("message", detail);
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(JSON.writeValueAsString(body));
		}

		static List<InvalidInputException.FieldProblem> problems(HttpServletRequest request) {
			List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
			for (String accept : java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) {
				try {
					MediaType.parseMediaTypes(accept);
				}
				catch (InvalidMediaTypeException ex) {
					problems.add(new InvalidInputException.FieldProblem(HttpHeaders.ACCEPT,
							"is not a list of media types (" + ex.getMessage() + ")"));
				}
			}
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
				// from the query string only: reading the parameters would consume a form
				// body (the webapp login)
				for (Map.Entry<String, String> parameter : queryParameters(request.getQueryString())) {
					String name = parameter.getKey();
					if (PAGING_PARAMETERS.contains(name) && !PAGING_VALUE.matcher(parameter.getValue()).matches()) {
						problems.add(new InvalidInputException.FieldProblem(name,
								"must be a whole number from 0 to 999999999, not '" + abbreviate(parameter.getValue())
										+ "'"));
					}
				}
			}
			return problems;
		}

		static List<Map.Entry<String, String>> queryParameters(String query) {
			List<Map.Entry<String, String>> parameters = new ArrayList<>();
			if (query == null || query.isEmpty()) {
				return parameters;
			}
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = (equals < 0) ? pair : pair.substring(0, equals);
				String value = (equals < 0) ? "" : pair.substring(equals + 1);
				parameters.add(Map.entry(decode(name), decode(value)));
			}
			return parameters;
		}

		private static String decode(String text) {
			try {
				return URLDecoder.decode(text, StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException ex) {
				return text; // a broken %-escape: left as it is (and refused, if it is a
								// paging value)
			}
		}

		private static String abbreviate(String value) {
			return (value.length() <= 40) ? value : value.substring(0, 40) + "…";
		}

	}

}
