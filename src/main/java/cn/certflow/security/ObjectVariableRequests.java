package cn.certflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Issue 15, point 7, at the door of Camunda's REST APIs ({@code /engine-rest}, and the
 * webapps' {@code /camunda/api/engine} that Cockpit edits variables through): a JSON
 * request that sets an object variable of a type or format CertFlow does not use
 * ({@link ObjectVariableTypes#refusal}) is answered 400 before the engine sees it. The
 * engine refuses the same values itself ({@link ObjectVariableTypes}), but some of its
 * refusals come before any hook of ours (Java serialization: "ENGINE-17007 … prohibited")
 * and most REST endpoints turn an engine exception into 500.
 *
 * <p>
 * The same for a binary variable ({@code …/variables/{name}/data}) sent with the
 * deprecated {@code type} part, which makes the REST API read the data into the class it
 * names.
 *
 * <p>
 * A variable in a request body is a JSON object with a {@code type} of "Object" and a
 * {@code value} or {@code valueInfo}
 * ({@code {"type":"Object","value":"…","valueInfo":{"objectTypeName":…,"serializationDataFormat":…}}}),
 * wherever it is nested (variables, modifications, processVariables, localVariables…). A
 * body that is no JSON is left to the API.
 */
@Configuration(proxyBeanMethods = false)
class ObjectVariableRequests {

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

	/**
	 * {@code POST …/variables/{name}/data}: a binary variable (Bytes, File, or the legacy
	 * serialized object).
	 */
	static final Pattern BINARY_VARIABLE = Pattern.compile(".*/(?:variables|localVariables)/[^/]+/data/?");

	/**
	 * The deprecated multipart part {@code type} naming the class Camunda's REST API maps
	 * the JSON data into.
	 */
	static final Pattern LEGACY_TYPE_PART = Pattern
		.compile("(?im)^content-disposition:[^\\r\\n]*;\\s*name=\"?type\"?\\s*(?:;|\\r?$)");

	@Bean
	FilterRegistrationBean<Check> objectVariableRequestsFilter(ObjectProvider<ProcessEngine> engine) {
		FilterRegistrationBean<Check> registration = new FilterRegistrationBean<>(new Check(engine));
		registration.setName("object-variable-requests");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 120);
		return registration;
	}

	static final class Check extends OncePerRequestFilter {

		private static final ObjectMapper JSON = new ObjectMapper();

		private final ObjectProvider<ProcessEngine> engine;

		Check(ObjectProvider<ProcessEngine> engine) {
			this.engine = engine;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			boolean json = isJson(request.getContentType());
			boolean binaryVariable = isMultipart(request.getContentType())
					&& BINARY_VARIABLE.matcher(request.getRequestURI()).matches();
			if (!WRITES.contains(request.getMethod()) || !(json || binaryVariable)) {
				chain.doFilter(request, response);
				return;
			}
			byte[] body = request.getInputStream().readAllBytes();
			String refusal = null;
			if (json) {
				try {
					refusal = refusal(JSON.readTree(body));
				}
				catch (IOException ex) {
					// not JSON: the API answers that itself
				}
			}
			else if (LEGACY_TYPE_PART.matcher(new String(body, StandardCharsets.ISO_8859_1)).find()) {
				refusal = "a binary variable's 'type' part (a Java class the REST API would read the data into) is not"
						+ " accepted; send object variables as JSON variables";
			}
			if (refusal != null) {
				response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.getWriter()
					.write(JSON.writeValueAsString(
							Map.of("type", "InvalidRequestException", "message", "issue 15: " + refusal)));
				return;
			}
			chain.doFilter(new RereadableBody(request, body), response);
		}

		static boolean isMultipart(String contentType) {
			return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		}

		static boolean isJson(String contentType) {
			if (contentType == null) {
				return false;
			}
			try {
				MediaType type = MediaType.parseMediaType(contentType);
				return "json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json");
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

		/** The first object variable in the tree that is refused, or null. */
		String refusal(JsonNode node) {
			if (node == null) {
				return null;
			}
			if (node.isObject()) {
				JsonNode type = node.get("type");
				if (type != null && type.isTextual() && type.asText().equalsIgnoreCase("object")
						&& (node.has("value") || node.has("valueInfo"))) {
					JsonNode info = node.path("valueInfo");
					String typeName = info.path("objectTypeName").isTextual() ? info.path("objectTypeName").asText()
							: null;
					String format = info.path("serializationDataFormat").isTextual()
							? info.path("serializationDataFormat").asText() : defaultFormat();
					String refused = ObjectVariableTypes.refusal(typeName, format);
					if (refused != null) {
						return refused;
					}
				}
				for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
					String refused = refusal(children.next());
					if (refused != null) {
						return refused;
					}
				}
			}
			else if (node.isArray()) {
				for (JsonNode child : node) {
					String refused = refusal(child);
					if (refused != null) {
						return refused;
					}
				}
			}
			return null;
		}

		private String defaultFormat() {
			ProcessEngine processEngine = this.engine.getIfAvailable();
			return (processEngine != null)
					? ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
						.getDefaultSerializationFormat()
					: "application/json";
		}

	}

}
