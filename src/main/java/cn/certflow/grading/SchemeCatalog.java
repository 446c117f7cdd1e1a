package cn.certflow.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * The certification schemes (PCEC, ZHHT, CQM), read once at start-up from
 * {@code schemes/schemes.json} and the sheets it names. A malformed definition or sheet
 * stops the start with a message naming the file and the line.
 */
@Component
public class SchemeCatalog {

	static final String DEFINITIONS = "schemes/schemes.json";

	private final Map<String, Scheme> schemes;

	public SchemeCatalog() {
		this(DEFINITIONS);
	}

	SchemeCatalog(String definitionsResource) {
		this.schemes = Collections.unmodifiableMap(load(definitionsResource));
	}

	/**
	 * The scheme with this id.
	 * @throws IllegalArgumentException naming the scheme when there is none
	 */
	public Scheme get(String schemeId) {
		Scheme scheme = this.schemes.get(schemeId);
		if (scheme == null) {
			throw new IllegalArgumentException(
					"Unknown certification scheme '" + schemeId + "'; known: " + this.schemes.keySet());
		}
		return scheme;
	}

	public Collection<Scheme> all() {
		return this.schemes.values();
	}

	private static Map<String, Scheme> load(String definitionsResource) {
		String directory = definitionsResource.substring(0, definitionsResource.lastIndexOf('/') + 1);
		JsonNode root;
		try (InputStream in = open(definitionsResource)) {
			root = new ObjectMapper().readTree(in);
		}
		catch (IOException ex) {
			throw new SchemeDefinitionException(definitionsResource + ": " + ex.getMessage(), ex);
		}
		Map<String, ScoreSheet> sheets = new HashMap<>();
		Map<String, Scheme> schemes = new LinkedHashMap<>();
		for (JsonNode node : root.path("schemes")) {
			String id = text(definitionsResource, node, "id");
			ScoringMethod scoring;
			try {
				scoring = ScoringMethod.valueOf(text(definitionsResource, node, "scoring"));
			}
			catch (IllegalArgumentException ex) {
				throw new SchemeDefinitionException(definitionsResource + ": scheme " + id + ": unknown scoring '"
						+ node.path("scoring").asText() + "'");
			}
			String file = text(definitionsResource, node.path("sheet"), "file");
			int total = node.path("sheet").path("totalPoints").asInt(-1);
			ScoreSheet sheet = sheets.computeIfAbsent(file + "|" + scoring + "|" + total,
					(key) -> readSheet(directory + file, scoring, total));
			Map<Integer, String> labels = new HashMap<>();
			Iterator<Map.Entry<String, JsonNode>> fields = node.path("labels").fields();
			while (fields.hasNext()) {
				Map.Entry<String, JsonNode> label = fields.next();
				labels.put(Integer.valueOf(label.getKey()), label.getValue().asText());
			}
			Scheme scheme = new Scheme(id, text(definitionsResource, node, "name"),
					text(definitionsResource, node, "ruleDocument"), node.path("ruleVersion").asText(""),
					text(definitionsResource, node, "standard"), scoring, sheet,
					text(definitionsResource, node, "gradingDecisionKey"), labels);
			if (schemes.putIfAbsent(id, scheme) != null) {
				throw new SchemeDefinitionException(definitionsResource + ": duplicate scheme id " + id);
			}
		}
		if (schemes.isEmpty()) {
			throw new SchemeDefinitionException(definitionsResource + ": no schemes declared");
		}
		return schemes;
	}

	private static ScoreSheet readSheet(String resource, ScoringMethod scoring, int total) {
		try (InputStream in = open(resource)) {
			return SheetParser.parse(resource, new InputStreamReader(in, StandardCharsets.UTF_8), scoring, total);
		}
		catch (IOException ex) {
			throw new SchemeDefinitionException(resource + ": " + ex.getMessage(), ex);
		}
	}

	private static InputStream open(String resource) {
		InputStream in = SchemeCatalog.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new SchemeDefinitionException(resource + ": not found on the classpath");
		}
		return in;
	}

	private static String text(String file, JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.asText().isBlank()) {
			throw new SchemeDefinitionException(
					file + ": scheme " + node.path("id").asText("?") + ": missing '" + name + "'");
		}
		return value.asText();
	}

}
