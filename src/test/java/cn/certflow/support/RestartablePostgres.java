package cn.certflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An embedded PostgreSQL of a test's own that the test stops and starts again, as an
 * operator restarts the database server: {@link #stop()} is {@code pg_ctl stop -m fast}
 * (every session ended, transactions in flight rolled back, the port closed),
 * {@link #start()} starts a new server on the same data directory and port. Not the
 * server {@link PostgresDatabase} shares with the other tests: they keep running on
 * theirs. Commits are synchronous here (zonky turns {@code synchronous_commit} off by
 * default), as on a production server: a commit the application was told about survives
 * the stop.
 * <p>
 * A server named by CERTFLOW_TEST_JDBC_URL cannot be stopped from a test: see
 * {@link #externalServerConfigured()}.
 */
public final class RestartablePostgres implements AutoCloseable {

	private final Path dataDirectory;

	private final int port;

	private EmbeddedPostgres server;

	private RestartablePostgres(Path dataDirectory, int port) {
		this.dataDirectory = dataDirectory;
		this.port = port;
	}

	/**
	 * Whether the tests were told to use a server of their own (which they cannot stop
	 * and start).
	 */
	public static boolean externalServerConfigured() {
		String url = System.getenv("CERTFLOW_TEST_JDBC_URL");
		return url != null && !url.isBlank();
	}

	/** A new server (initdb in a new temporary directory) on a free port, started. */
	public static RestartablePostgres startNew() {
		try (ServerSocket socket = new ServerSocket(0)) {
			RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("certflow-pg-restart"),
					socket.getLocalPort());
			socket.close();
			postgres.start();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new, empty database on this server. */
	public PostgresDatabase.Jdbc createDatabase(String name) {
		if (!name.matches("[a-z_]+")) {
			throw new IllegalArgumentException("database name " + name);
		}
		PostgresDatabase.Jdbc server = new PostgresDatabase.Jdbc(url("postgres"), "postgres", "");
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not create database " + name, ex);
		}
		return new PostgresDatabase.Jdbc(url(name), "postgres", "");
	}

	/** Starts the server on its data directory and port (initdb the first time only). */
	public synchronized void start() {
		if (this.server != null) {
			throw new IllegalStateException("PostgreSQL on port " + this.port + " is running");
		}
		try {
			this.server = EmbeddedPostgres.builder()
				.setDataDirectory(this.dataDirectory)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setServerConfig("synchronous_commit", "on")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start PostgreSQL on port " + this.port, ex);
		}
	}

	/** {@code pg_ctl stop -m fast}: the server ends every session and stops listening. */
	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		try {
			this.server.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.server = null;
		}
	}

	public int port() {
		return this.port;
	}

	/** Stops the server and removes its data directory. */
	@Override
	public void close() {
		stop();
		try (Stream<Path> files = Files.walk(this.dataDirectory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String url(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

}
