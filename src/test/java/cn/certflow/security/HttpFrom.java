package cn.certflow.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP requests from a chosen source address: the test's own loopback addresses
 * (127.0.0.2, 127.0.0.3, …) are what the server sees as different clients
 * (ServletRequest#getRemoteAddr), with no proxy header to trust. HTTP/1.0, one connection
 * per request; keeps the cookies it is sent, like a browser.
 */
final class HttpFrom {

	record Response(int status, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null) ? null : values.get(0);
		}

	}

	private final String source;

	private final int port;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String xsrfToken;

	HttpFrom(String source, int port) {
		this.source = source;
		this.port = port;
	}

	Response get(String path, String user, String password) throws IOException {
		return send("GET", path, basic(user, password), null, null);
	}

	Response post(String path, String contentType, String body) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		if (this.xsrfToken != null) {
			headers.put("X-XSRF-TOKEN", this.xsrfToken);
		}
		return send("POST", path, headers, contentType, body);
	}

	/**
	 * Camunda's webapp login as a browser does it: the page (session, XSRF token), then
	 * the form.
	 */
	Response webappLogin(String user, String password) throws IOException {
		Response page = send("GET", "/camunda/app/tasklist/default/", Map.of(), null, null);
		if (page.status() != 200 || this.xsrfToken == null) {
			throw new IllegalStateException("no webapp session: " + page.status());
		}
		return post("/camunda/api/admin/auth/user/default/login/tasklist", "application/x-www-form-urlencoded",
				"username=" + user + "&password=" + password);
	}

	private static Map<String, String> basic(String user, String password) {
		if (user == null) {
			return Map.of();
		}
		return Map.of("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	private Response send(String method, String path, Map<String, String> headers, String contentType, String body)
			throws IOException {
		byte[] content = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
		StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\n");
		request.append("Host: localhost:").append(this.port).append("\r\n");
		request.append("Accept: application/json, text/html\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		if (!this.cookies.isEmpty()) {
			request.append("Cookie: ");
			this.cookies.forEach((name, value) -> request.append(name).append('=').append(value).append("; "));
			request.setLength(request.length() - 2);
			request.append("\r\n");
		}
		if (contentType != null) {
			request.append("Content-Type: ").append(contentType).append("\r\n");
		}
		request.append("Content-Length: ").append(content.length).append("\r\n\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(this.source), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 10_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
	}

	private Response parse(byte[] raw) {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
		String[] lines = head.split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = lines[i].substring(colon + 1).trim();
			headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
			if (name.equals("set-cookie")) {
				String pair = value.split(";", 2)[0];
				this.cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
			if (name.equals("x-xsrf-token") && !value.equals("Required")) {
				this.xsrfToken = value;
			}
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(raw, end + 4, raw.length - end - 4);
		return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		for (int i = 0; i + pattern.length <= data.length; i++) {
			int j = 0;
			while (j < pattern.length && data[i + j] == pattern[j]) {
				j++;
			}
			if (j == pattern.length) {
				return i;
			}
		}
		throw new IllegalStateException("no end of headers in the response");
	}

}
