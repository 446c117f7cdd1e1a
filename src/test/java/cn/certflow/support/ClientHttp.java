package cn.certflow.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A caller of the client portal and the client API for the tests (issue 18): keeps its
 * cookies (one HTTP session), follows no redirect, sends HTTP Basic when given a user,
 * reads the CSRF token of the last page it got and sends it with every form.
 */
public class ClientHttp {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient http;

	private String basic;

	private String csrf = "";

	public ClientHttp(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A caller signed in by HTTP Basic. */
	public static ClientHttp basic(int port, String user, String password) {
		ClientHttp caller = new ClientHttp(port);
		caller.basic = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return caller;
	}

	/** A browser signed in to the portal with its login form. */
	public static ClientHttp portal(int port, String user, String password) {
		ClientHttp browser = new ClientHttp(port);
		browser.get("/portal/login");
		HttpResponse<String> login = browser.send(browser.request("/portal/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(browser.csrf)))
			.build());
		if (login.statusCode() != 302) {
			throw new IllegalStateException("portal login of " + user + " failed: " + login.statusCode());
		}
		return browser;
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(request(path).GET().build());
		Matcher m = CSRF.matcher(response.body());
		if (m.find()) {
			this.csrf = m.group(1);
		}
		return response;
	}

	public HttpResponse<byte[]> getBytes(String path) {
		try {
			return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> postJson(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/**
	 * A multipart POST; the page's CSRF token goes with it as the field {@code _csrf}.
	 */
	public HttpResponse<String> postMultipart(String path, Multipart form) {
		if (!this.csrf.isEmpty()) {
			form.field("_csrf", this.csrf);
		}
		String boundary = UUID.randomUUID().toString();
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes(boundary)))
			.build());
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

	/** The parts of a multipart form: text fields and files, in order. */
	public static class Multipart {

		private record Part(String name, String value, String fileName, String contentType, byte[] content) {
		}

		private final List<Part> parts = new ArrayList<>();

		public Multipart field(String name, String value) {
			this.parts.add(new Part(name, value, null, null, null));
			return this;
		}

		public Multipart file(String name, String fileName, String contentType, byte[] content) {
			this.parts.add(new Part(name, null, fileName, contentType, content));
			return this;
		}

		byte[] bytes(String boundary) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				for (Part part : this.parts) {
					String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"";
					if (part.fileName() != null) {
						head += "; filename=\"" + part.fileName() + "\"\r\nContent-Type: " + part.contentType();
					}
					out.write((head + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
					out.write(
							(part.content() != null) ? part.content() : part.value().getBytes(StandardCharsets.UTF_8));
					out.write("\r\n".getBytes(StandardCharsets.UTF_8));
				}
				out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return out.toByteArray();
		}

	}

}
