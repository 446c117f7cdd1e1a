package cn.certflow.portal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for the tests: keeps its cookies (one HTTP session), follows no redirect,
 * reads the CSRF token of the last page it got.
 */
class PortalBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	private String basic;

	String csrf = "";

	PortalBrowser(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	PortalBrowser withBasic(String user, String password) {
		this.basic = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(request(path).GET().build());
		Matcher m = CSRF.matcher(response.body());
		if (m.find()) {
			this.csrf = m.group(1);
		}
		return response;
	}

	HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A form POST with the page's CSRF token (unless the form map gives its own). */
	HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		if (!form.containsKey("_csrf")) {
			body = (body.isEmpty() ? "" : body + "&") + "_csrf=" + enc(this.csrf);
		}
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** A multipart POST of fields and one file part {@code file}. */
	HttpResponse<String> postFile(String path, Map<String, String> fields, String fileName, String contentType,
			byte[] content, boolean withCsrf) {
		String boundary = UUID.randomUUID().toString();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			for (Map.Entry<String, String> e : fields.entrySet()) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
						+ e.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			if (withCsrf) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf
						+ "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			if (content != null) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
						+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.write(content);
				out.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		HttpRequest.Builder builder = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
		if (withCsrf) {
			builder.header("X-CSRF-Token", this.csrf);
		}
		return send(builder.build());
	}

	/**
	 * A multipart POST with the page's CSRF token: text fields, and PDF file parts each
	 * under its own name (e.g. {@code evidence[0]}).
	 */
	HttpResponse<String> postParts(String path, Map<String, String> fields, Map<String, byte[]> pdfs) {
		String boundary = UUID.randomUUID().toString();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			Map<String, String> all = new java.util.LinkedHashMap<>(fields);
			all.put("_csrf", this.csrf);
			for (Map.Entry<String, String> e : all.entrySet()) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
						+ e.getValue() + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
			}
			for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
				out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey()
						+ "\"; filename=\"evidence.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
				out.write(e.getValue());
				out.write("\r\n".getBytes(StandardCharsets.UTF_8));
			}
			out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-Token", this.csrf)
			.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
			.build());
	}

	HttpResponse<String> postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** Signs in to the portal: the login page's token, then the form. */
	HttpResponse<String> signIn(String user, String password) {
		get("/portal/login");
		return post("/portal/login", Map.of("username", user, "password", password));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html, application/json;q=0.9, */*;q=0.8");
		if (this.basic != null) {
			builder.header("Authorization", this.basic);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
