package cn.certflow.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7: Tasklist, Cockpit, Admin (and the welcome page) offer zh-CN with English still
 * available. The application serves its own {@code scripts/config.js} (locales zh and en,
 * fallback en) and {@code locales/zh.json} in place of the webjar's, without login, as
 * the webapps load them before anyone signs in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class WebappLocalesTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Placeholders and markup a translation must keep: {{name}}, {}, tags, entities. */
	private static final Pattern TOKENS = Pattern.compile("\\{\\{\\s*\\w+\\s*}}|\\{}|<[^>]+>|&lt;|&gt;");

	/**
	 * Share of the webjar's English labels that zh.json translates; the rest shows in
	 * English.
	 */
	private static final Map<String, Double> COVERAGE = Map.of("tasklist", 0.99, "admin", 0.99, "welcome", 0.99,
			"cockpit", 0.75);

	@Autowired
	TestRestTemplate http;

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void servesAChineseTranslationAndAConfigOfferingChineseAndEnglish(String app) throws IOException {
		ResponseEntity<String> config = this.http.getForEntity("/camunda/app/" + app + "/scripts/config.js",
				String.class);
		assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(config.getBody()).contains("availableLocales: ['zh', 'en']").contains("fallbackLocale: 'en'");

		JsonNode zh = get("/camunda/app/" + app + "/locales/zh.json");
		JsonNode en = get("/camunda/app/" + app + "/locales/en.json");
		assertThat(en.path("labels").path("PAGE_LOGIN_SIGN_IN_ACTION").asText("Log in")).isEqualTo("Log in");
		assertThat(en.path("labels").size()).isEqualTo(webjarEnglish(app).path("labels").size());
		if (!"welcome".equals(app)) {
			assertThat(zh.path("labels").path("PAGE_LOGIN_SIGN_IN_ACTION").asText()).isEqualTo("登录");
			assertThat(zh.path("labels").path("PAGE_LOGIN_FAILED").asText()).isEqualTo("登录失败");
			assertThat(zh.path("dateLocales").path("weekdays").get(1).asText()).isEqualTo("星期一");
		}

		// every translated key is one the webjar knows, and keeps the placeholders and
		// markup of the English text
		JsonNode webjar = webjarEnglish(app);
		List<String> problems = new ArrayList<>();
		int translated = 0;
		for (Iterator<Map.Entry<String, JsonNode>> it = zh.path("labels").fields(); it.hasNext();) {
			Map.Entry<String, JsonNode> label = it.next();
			JsonNode english = webjar.path("labels").path(label.getKey());
			if (english.isMissingNode()) {
				problems.add(label.getKey() + " is not a label of the webjar");
			}
			else if (!tokens(english.asText()).equals(tokens(label.getValue().asText()))) {
				problems.add(label.getKey() + " changes " + tokens(english.asText()));
			}
			translated++;
		}
		assertThat(problems).isEmpty();
		assertThat(translated).as("labels of %s translated", app)
			.isGreaterThanOrEqualTo((int) (COVERAGE.get(app) * webjar.path("labels").size()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin" })
	void servesTheWebjarsEnglishLabelsWithoutItsDateLocales(String app) throws IOException {
		// The webapps apply the dateLocales of every table they load to moment.js, the
		// last one loaded winning: with the
		// webjar's en.json (the fallback table) a Chinese page showed "a few seconds ago"
		// about every other time.
		JsonNode served = get("/camunda/app/" + app + "/locales/en.json");
		assertThat(served.has("dateLocales")).isFalse();
		assertThat(served.path("labels")).isEqualTo(webjarEnglish(app).path("labels"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin" })
	void translatesTheEndOfCommunityEditionBanner(String app) throws IOException {
		// README: no configuration turns the banner off in 7.24 CE; it at least speaks
		// Chinese
		assertThat(get("/camunda/app/" + app + "/locales/zh.json").path("labels").path("BANNER_CE_EOL_TEXT").asText())
			.contains("Camunda 8")
			.contains("迁移指南");
	}

	private JsonNode get(String path) throws IOException {
		ResponseEntity<String> response = this.http.getForEntity(path, String.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		// the webjar's en.json starts with a byte order mark
		return JSON.readTree(response.getBody().replaceFirst("^\uFEFF", ""));
	}

	/**
	 * The en.json inside camunda-webapp-webjar (ours, where there is one, comes first on
	 * the class path).
	 */
	private static JsonNode webjarEnglish(String app) throws IOException {
		String resource = "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
		for (URL url : Collections.list(WebappLocalesTest.class.getClassLoader().getResources(resource))) {
			if (url.toString().contains("camunda-webapp-webjar")) {
				try (InputStream in = url.openStream()) {
					return JSON.readTree(in);
				}
			}
		}
		throw new AssertionError(resource + " not found in camunda-webapp-webjar");
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKENS.matcher(text);
		while (matcher.find()) {
			tokens.add(matcher.group().replaceAll("\\s", ""));
		}
		tokens.sort(null);
		return tokens;
	}

}
