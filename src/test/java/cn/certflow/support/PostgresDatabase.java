package cn.certflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real PostgreSQL for the tests that prove persistence: the server named by
 * CERTFLOW_TEST_JDBC_URL (with CERTFLOW_TEST_JDBC_USER / _PASSWORD), else an embedded
 * PostgreSQL (zonky: real binaries from Maven Central), started once per JVM and shared
 * by the test classes that use it.
 */
public final class PostgresDatabase {

	private static EmbeddedPostgres embedded;

	private PostgresDatabase() {
	}

	/** Points the application at PostgreSQL, with the production (postgres) settings. */
	public static void register(DynamicPropertyRegistry registry) {
		String url = System.getenv("CERTFLOW_TEST_JDBC_URL");
		if (url != null && !url.isBlank()) {
			registry.add("spring.datasource.url", () -> url);
			registry.add("spring.datasource.username", () -> env("CERTFLOW_TEST_JDBC_USER", "postgres"));
			registry.add("spring.datasource.password", () -> env("CERTFLOW_TEST_JDBC_PASSWORD", ""));
		}
		else {
			EmbeddedPostgres postgres = embedded();
			registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
			registry.add("spring.datasource.username", () -> "postgres");
			registry.add("spring.datasource.password", () -> "");
		}
		registry.add("spring.flyway.placeholders.blobType", () -> "bytea");
	}

	/**
	 * Where a database is, for an application started in its own JVM or for plain JDBC.
	 */
	public record Jdbc(String url, String user, String password) {

		public Connection connect() throws SQLException {
			return DriverManager.getConnection(this.url, this.user, this.password);
		}

	}

	/**
	 * A new, empty database on the same server (dropped first if it exists), for tests
	 * that start the application as separate JVMs. On a server named by
	 * CERTFLOW_TEST_JDBC_URL whose account may not create databases, that database
	 * itself.
	 */
	public static synchronized Jdbc freshDatabase(String name) {
		if (!name.matches("[a-z_]+")) {
			throw new IllegalArgumentException("database name " + name);
		}
		String url = System.getenv("CERTFLOW_TEST_JDBC_URL");
		Jdbc server = (url != null && !url.isBlank())
				? new Jdbc(url, env("CERTFLOW_TEST_JDBC_USER", "postgres"), env("CERTFLOW_TEST_JDBC_PASSWORD", ""))
				: new Jdbc(embedded().getJdbcUrl("postgres", "postgres"), "postgres", "");
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			if (url != null && !url.isBlank()) {
				return server;
			}
			throw new IllegalStateException("could not create database " + name, ex);
		}
		return new Jdbc(server.url().replaceFirst("(//[^/]+/)[^?]*", "$1" + name), server.user(), server.password());
	}

	private static synchronized EmbeddedPostgres embedded() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("could not start embedded PostgreSQL", ex);
			}
		}
		return embedded;
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
