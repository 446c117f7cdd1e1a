package cn.certflow.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gap-free, human-readable numbers (APP-2026-000001, certificate numbers). The counter
 * row is locked by the update until the surrounding engine transaction commits, so a
 * rolled-back step never burns a number.
 */
@Component
public class NumberAllocator {

	private final JdbcClient jdbc;

	NumberAllocator(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long next(String counter) {
		int updated = this.jdbc.sql("update number_counter set last_value = last_value + 1 where name = ?")
			.param(counter)
			.update();
		if (updated != 1) {
			throw new IllegalStateException("No number counter named " + counter);
		}
		return this.jdbc.sql("select last_value from number_counter where name = ?")
			.param(counter)
			.query(Long.class)
			.single();
	}

}
