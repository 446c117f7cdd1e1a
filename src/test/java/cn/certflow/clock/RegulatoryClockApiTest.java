package cn.certflow.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 21 point 10: {@code GET /api/regulatory-clock} shows staff every period in force
 * with its clause and default; strangers and client accounts get nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class RegulatoryClockApiTest {

	@Autowired
	TestRestTemplate http;

	@Test
	@SuppressWarnings({ "rawtypes", "unchecked" })
	void shouldListEveryPeriodToStaffOnly() {
		ResponseEntity<List> staff = this.http.withBasicAuth("reviewer", "reviewer")
			.getForEntity("/api/regulatory-clock", List.class);
		assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> periods = staff.getBody();
		assertThat(periods).hasSize(RegulatoryPeriod.values().length);
		assertThat(periods).filteredOn((p) -> "SURVEILLANCE_INTERVAL".equals(p.get("name")))
			.singleElement()
			.satisfies(
					(p) -> assertThat(p).containsEntry("value", "P12M").containsEntry("clause", "PCEC 10.2；ZHHT 3.2"));
		assertThat(periods).filteredOn((p) -> "SUSPENSION_LIMIT".equals(p.get("name")))
			.singleElement()
			.satisfies((p) -> assertThat(p).containsEntry("value", "P6M").containsEntry("origin", "PRODUCT_DEFAULT"));

		assertThat(this.http.getForEntity("/api/regulatory-clock", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.withBasicAuth("client", "client")
			.getForEntity("/api/regulatory-clock", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

}
