package cn.certflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real PostgreSQL for the tests that prove persistence: the server named by CERTFLOW_TEST_JDBC_URL (with
 * CERTFLOW_TEST_JDBC_USER / _PASSWORD), else an embedded PostgreSQL (zonky: real binaries from Maven Central), started
 * once per JVM and shared by the test classes that use it.
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
