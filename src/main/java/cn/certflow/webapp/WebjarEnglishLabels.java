package cn.certflow.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The English label table of Tasklist, Cockpit and Admin (the welcome page's has no date
 * words and is served as is), served from the Camunda webjar itself without its
 * {@code dateLocales}. The webapps hand the date words of every table they load to
 * moment.js and the last one loaded wins: with both zh.json and the webjar's en.json (the
 * fallback) loaded, Chinese pages showed English dates about every other time. Read from
 * the webjar at run time, so an upgrade of the webjar brings its new labels with it and
 * the repository keeps no copy.
 */
@RestController
class WebjarEnglishLabels {

	private final ObjectMapper json = new ObjectMapper();

	private final Map<String, byte[]> tables = new ConcurrentHashMap<>();

	@GetMapping(path = "/camunda/app/{app:tasklist|cockpit|admin}/locales/en.json",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> english(@PathVariable String app) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.tables.computeIfAbsent(app, this::withoutDateLocales));
	}

	private byte[] withoutDateLocales(String app) {
		String resource = "META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json";
		try {
			for (URL url : Collections.list(getClass().getClassLoader().getResources(resource))) {
				if (url.toString().contains("camunda-webapp-webjar")) {
					try (InputStream in = url.openStream()) {
						// the webjar's file starts with a byte order mark
						String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "");
						ObjectNode table = (ObjectNode) this.json.readTree(text);
						table.remove("dateLocales");
						return this.json.writeValueAsBytes(table);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read " + resource + " from the Camunda webjar", ex);
		}
		throw new IllegalStateException(resource + " is not in the Camunda webjar");
	}

}
