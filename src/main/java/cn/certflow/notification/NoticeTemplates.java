package cn.certflow.notification;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The one template of each notice kind ({@code notices/notices.properties}), filled from
 * a model. A kind without its template fails the start; a placeholder the model does not
 * fill fails the call, so no notice goes out with a hole in it.
 */
@Component
class NoticeTemplates {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	private final Properties templates = new Properties();

	NoticeTemplates() {
		try (Reader reader = new InputStreamReader(new ClassPathResource("notices/notices.properties").getInputStream(),
				StandardCharsets.UTF_8)) {
			this.templates.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		for (NoticeKind kind : NoticeKind.values()) {
			template(kind, "subject");
			template(kind, "body");
		}
	}

	/** Subject and body of a notice. */
	record Text(String subject, String body) {
	}

	Text render(NoticeKind kind, Map<String, ?> model) {
		return new Text(fill(kind, template(kind, "subject"), model), fill(kind, template(kind, "body"), model));
	}

	private String template(NoticeKind kind, String part) {
		String template = this.templates.getProperty(kind.name() + "." + part);
		if (template == null || template.isBlank()) {
			throw new IllegalStateException("notices/notices.properties has no " + kind + "." + part);
		}
		return template;
	}

	private static String fill(NoticeKind kind, String template, Map<String, ?> model) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (matcher.find()) {
			Object value = model.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException("notice " + kind + " needs " + matcher.group(1));
			}
			matcher.appendReplacement(text, Matcher.quoteReplacement(String.valueOf(value)));
		}
		matcher.appendTail(text);
		return text.toString();
	}

}
