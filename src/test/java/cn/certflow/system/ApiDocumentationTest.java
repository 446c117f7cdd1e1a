package cn.certflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 18 "Contract for scripts": the OpenAPI document of all of {@code /api/**} (staff
 * API and the client API) is generated from the controllers and served by the
 * application, behind the same HTTP Basic login as the API, to staff and client accounts
 * alike; the Swagger UI too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ApiDocumentationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	/**
	 * Every /api operation Spring routes (so that a controller added later must be in the
	 * document too), the client API among them, and nothing else: no staff page, no
	 * portal page.
	 */
	@Test
	void shouldListEveryApiOperationIncludingTheClientApi() throws Exception {
		ResponseEntity<String> response = this.http.withBasicAuth("reviewer", "reviewer")
			.getForEntity("/v3/api-docs", String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode paths = JSON.readTree(response.getBody()).get("paths");
		Set<String> documented = new TreeSet<>();
		paths.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(operation -> documented.add(operation.getKey().toUpperCase() + " " + path.getKey())));
		assertThat(documented).containsAll(apiOperations());
		assertThat(documented).allMatch(operation -> operation.contains(" /api/"));
	}

	/** A client's IT integrates from the same document (with the client's login). */
	@Test
	void shouldServeTheDocumentToClientAccountsAndTheUiBehindTheLogin() {
		assertThat(this.http.withBasicAuth("client", "client").getForEntity("/v3/api-docs", String.class).getBody())
			.contains("/api/applications/{number}");
		assertThat(this.http.withBasicAuth("admin", "admin")
			.getForEntity("/v3/api-docs.yaml", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.http.withBasicAuth("manager", "manager")
			.getForEntity("/swagger-ui/index.html", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	/** A stranger learns nothing of the API: the document asks for a login. */
	@Test
	void shouldAskStrangersForALogin() {
		for (String path : new String[] { "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/swagger-config",
				"/swagger-ui/index.html", "/swagger-ui.html" }) {
			assertThat(this.http.getForEntity(path, String.class).getStatusCode()).as(path)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(this.http.withBasicAuth("reviewer", "wrong").getForEntity(path, String.class).getStatusCode())
				.as(path)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	private Set<String> apiOperations() {
		Set<String> operations = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
			if (pattern.startsWith("/api/")) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				methods.forEach(method -> operations.add(method.name() + " " + pattern));
			}
		}));
		return operations;
	}

}
