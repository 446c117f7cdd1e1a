package cn.certflow.operations;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import cn.certflow.support.PostgresDatabase;

/**
 * The packaged application (target/certflow-*.jar, built by {@code package} before
 * failsafe runs) started as a separate JVM on PostgreSQL with the postgres and demo
 * profiles, its own port and node name. Its output goes to
 * target/operations/{name}-{run}.log. {@link #kill()} is {@code kill -9};
 * {@link #start()} again is a restart on the same database and port.
 */
final class AppNode implements AutoCloseable {

	static final Path LOGS = Path.of("target", "operations");

	private final String name;

	private final int port;

	private final Map<String, String> properties = new LinkedHashMap<>();

	private final List<Path> logs = new ArrayList<>();

	private Process process;

	private Duration lastStartTime;

	AppNode(String name, PostgresDatabase.Jdbc database) {
		// a test JVM that ends abruptly takes its application JVMs with it
		Runtime.getRuntime().addShutdownHook(new Thread(this::kill, "kill " + name));
		this.name = name;
		this.port = freePort();
		this.properties.put("spring.profiles.active", "postgres,demo");
		// the demo accounts, but not the demo clients' own applications: the operations
		// tests count instances, timers and numbers of what they submit themselves
		this.properties.put("certflow.demo.client-applications", "false");
		this.properties.put("server.port", String.valueOf(this.port));
		this.properties.put("spring.datasource.url", database.url());
		this.properties.put("spring.datasource.username", database.user());
		this.properties.put("spring.datasource.password", database.password());
		this.properties.put("certflow.node-name", name);
		// the job executor looks for due jobs at least every second (default: backs off
		// up to 60 s when idle), and a
		// killed node's job locks expire after 10 s (default 5 min), so the tests need
		// not wait long
		this.properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
		this.properties.put("camunda.bpm.job-execution.max-wait", "1000");
		this.properties.put("camunda.bpm.job-execution.lock-time-in-millis", "10000");
		this.properties.put("server.shutdown", "immediate");
		// the readiness probe below asks with admin's password until the demo accounts
		// exist: those 401s must not put
		// this address behind the login throttle (tested on its own in
		// AccountProtectionTest), and the demo accounts'
		// slow hashes are made faster (production's cost is in application.yaml; these
		// tests are not about it)
		this.properties.put("certflow.login-throttle.per-source.free-failures", "100000");
		this.properties.put("certflow.login-throttle.per-account.free-failures", "100000");
		this.properties.put("certflow.passwords.pbkdf2-iterations", "1000");
	}

	AppNode with(String property, Object value) {
		this.properties.put(property, String.valueOf(value));
		return this;
	}

	String name() {
		return this.name;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Starts the JVM and waits until it serves authenticated requests (demo accounts
	 * created).
	 */
	AppNode start() {
		if (this.process != null && this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is running");
		}
		try {
			Files.createDirectories(LOGS);
			Path log = LOGS.resolve(this.name + "-" + (this.logs.size() + 1) + ".log");
			this.logs.add(log);
			List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
					"-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai", "-jar", jar()));
			this.properties.forEach((key, value) -> command.add("--" + key + "=" + value));
			long started = System.nanoTime();
			this.process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			awaitReady(Duration.ofSeconds(180));
			this.lastStartTime = Duration.ofNanos(System.nanoTime() - started);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How long the last {@link #start()} took, from launching the JVM to serving
	 * requests.
	 */
	Duration lastStartTime() {
		return this.lastStartTime;
	}

	/**
	 * {@code kill -9}: no shutdown hook, no graceful stop, transactions in flight are
	 * lost.
	 */
	synchronized void kill() {
		if (this.process == null) {
			return;
		}
		this.process.destroyForcibly();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(this.name + " did not die");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	long pid() {
		return this.process.pid();
	}

	/** Output of all runs of this node so far. */
	String logs() {
		StringBuilder text = new StringBuilder();
		for (Path log : this.logs) {
			try {
				text.append(Files.readString(log, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return text.toString();
	}

	/** How often a pattern occurs in the output of all runs. */
	long count(Pattern pattern) {
		return pattern.matcher(logs()).results().count();
	}

	/**
	 * The sum of the first group (a number) of every match of a pattern in the output of
	 * all runs.
	 */
	long sum(Pattern pattern) {
		return pattern.matcher(logs()).results().mapToLong((match) -> Long.parseLong(match.group(1))).sum();
	}

	@Override
	public void close() {
		kill();
	}

	private void awaitReady(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/task/count"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " exited with " + this.process.exitValue() + ", see "
						+ this.logs.get(this.logs.size() - 1));
			}
			try {
				if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			Polling.pause();
		}
		throw new IllegalStateException(
				this.name + " not ready after " + timeout + ", see " + this.logs.get(this.logs.size() - 1));
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static String jar() {
		File[] jars = new File("target").listFiles((dir, file) -> file.matches("certflow-.*\\.jar"));
		if (jars == null || jars.length != 1) {
			throw new IllegalStateException(
					"expected one target/certflow-*.jar (run ./mvnw verify, which packages first)");
		}
		return jars[0].getAbsolutePath();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
