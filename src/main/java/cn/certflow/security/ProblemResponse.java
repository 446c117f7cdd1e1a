package cn.certflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal written by a servlet filter, as our API's errors are (RFC 9457 problem,
 * detail in Chinese).
 */
final class ProblemResponse {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ProblemResponse() {
	}

	/**
	 * 429 with Retry-After in whole seconds; {@code {seconds}} in the detail is replaced
	 * by them.
	 */
	static void tooManyRequests(HttpServletResponse response, Duration wait, String detail) throws IOException {
		long seconds = seconds(wait);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		send(response, HttpStatus.TOO_MANY_REQUESTS, detail.replace("{seconds}", String.valueOf(seconds)));
	}

	static void send(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(JSON.writeValueAsString(problem));
		response.flushBuffer();
	}

	/** Whole seconds to wait, rounded up, at least one. */
	static long seconds(Duration wait) {
		return Math.max(1, wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0));
	}

}
