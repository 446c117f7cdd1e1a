package cn.certflow.staff;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for the staff pages' tests: logs in to Tasklist as a person does (one login
 * for Tasklist and the staff pages), opens pages, and sends their forms with the page's
 * CSRF token.
 */
public final class StaffBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.build();

	private final int port;

	private String xsrf;

	private String basic;

	public StaffBrowser(int port) {
		this.port = port;
	}

	/** Logs in through Tasklist's login form. */
	public StaffBrowser login(String user, String password) throws IOException, InterruptedException {
		HttpResponse<String> tasklist = get("/camunda/app/tasklist/default/");
		assertThat(tasklist.statusCode()).as(() -> "Tasklist page: " + tasklist.body()).isEqualTo(200);
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		HttpResponse<String> login = send(
				request("/camunda/api/admin/auth/user/default/login/tasklist").setHeader("Accept", "application/json")
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", this.xsrf)
					.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(login.statusCode()).as("Tasklist login of " + user).isEqualTo(200);
		return this;
	}

	/** Sends HTTP Basic credentials on every request instead of a login. */
	public StaffBrowser basic(String user, String password) {
		this.basic = "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return this;
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	/** A GET as a script asks for JSON (Tasklist's calls to the engine API). */
	public HttpResponse<String> json(String path) throws IOException, InterruptedException {
		return send(request(path).setHeader("Accept", "application/json").GET());
	}

	public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		return this.client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Opens the page, then sends its form with the page's CSRF token and the fields. */
	public HttpResponse<String> submit(String page, String action, Map<String, String> fields)
			throws IOException, InterruptedException {
		Matcher token = CSRF.matcher(get(page).body());
		assertThat(token.find()).as("CSRF field on " + page).isTrue();
		return post(action, fields, token.group(1));
	}

	/** Posts the fields with the token given (null: none). */
	public HttpResponse<String> post(String action, Map<String, String> fields, String csrf)
			throws IOException, InterruptedException {
		String body = fields.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		if (csrf != null) {
			body += (body.isEmpty() ? "" : "&") + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
		}
		return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A part of a multipart form: a field ({@code fileName} null) or a file.
	 */
	public record Part(String name, String fileName, String contentType, byte[] content) {

		public static Part field(String name, String value) {
			return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
		}

		public static Part file(String name, String fileName, String contentType, byte[] content) {
			return new Part(name, fileName, contentType, content);
		}

	}

	/**
	 * Opens the page, then posts its upload form as the browser does
	 * ({@code multipart/form-data}) with the page's CSRF token (or none).
	 */
	public HttpResponse<String> upload(String page, String action, java.util.List<Part> parts, boolean csrf)
			throws IOException, InterruptedException {
		java.util.List<Part> all = new java.util.ArrayList<>(parts);
		if (csrf) {
			Matcher token = CSRF.matcher(get(page).body());
			assertThat(token.find()).as("CSRF field on " + page).isTrue();
			all.add(0, Part.field("_csrf", token.group(1)));
		}
		String boundary = "----CertFlowTest" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Part part : all) {
			StringBuilder head = new StringBuilder("--").append(boundary)
				.append("\r\nContent-Disposition: form-data; name=\"")
				.append(part.name())
				.append('"');
			if (part.fileName() != null) {
				head.append("; filename=\"").append(part.fileName()).append('"');
			}
			head.append("\r\n");
			if (part.contentType() != null) {
				head.append("Content-Type: ").append(part.contentType()).append("\r\n");
			}
			head.append("\r\n");
			body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "text/html");
		if (this.basic != null) {
			builder.header("Authorization", this.basic);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		response.headers()
			.firstValue("X-XSRF-TOKEN")
			.filter((t) -> !"Required".equals(t))
			.ifPresent((t) -> this.xsrf = t);
		return response;
	}

}
