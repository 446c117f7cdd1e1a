package cn.certflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * R-CERT-2, issue 15: the public certificate lookup answers a source address at most 60
 * times a minute ({@code certflow.public-lookup.requests-per-minute}), then 429 with
 * Retry-After and a message in Chinese; a person looking certificates up by hand never
 * gets there, and other addresses are not affected. Each test uses source addresses of
 * its own (127.0.0.x): the limit remembers them for a minute.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class PublicLookupRateLimitTest {

	@LocalServerPort
	int port;

	@Test
	void shouldAnswer429AfterSixtyLookupsInAMinuteFromOneAddress() throws Exception {
		HttpFrom script = new HttpFrom("127.0.0.30", this.port);
		List<Integer> answers = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			answers.add(script.get("/api/certificates/PCEC-1900-" + String.format("%06d", i), null, null).status());
		}
		assertThat(answers).as("unknown numbers, each looked up").containsOnly(404);

		HttpFrom.Response limited = script.get("/api/certificates/PCEC-1900-000060", null, null);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
		assertThat(limited.body()).contains("证书查询过于频繁", "秒后再试");
		assertThat(script.get("/verify.html", null, null).status()).as("the page counts too").isEqualTo(429);

		assertThat(new HttpFrom("127.0.0.31", this.port).get("/api/certificates/PCEC-1900-000060", null, null).status())
			.as("another address")
			.isEqualTo(404);
	}

	@Test
	void shouldNeverRefuseAPersonCheckingCertificatesByHand() throws Exception {
		// a person opens the page and checks a dozen certificates in a minute (QR codes
		// of a supplier's branches)
		HttpFrom person = new HttpFrom("127.0.0.32", this.port);
		for (int i = 0; i < 12; i++) {
			assertThat(person.get("/verify.html", null, null).status()).isEqualTo(200);
			assertThat(person.get("/api/certificates/PCEC-1900-" + String.format("%06d", i), null, null).status())
				.isEqualTo(404);
		}
	}

	@Test
	void shouldNotLimitStaffEndpoints() throws Exception {
		HttpFrom staff = new HttpFrom("127.0.0.33", this.port);
		for (int i = 0; i < 70; i++) {
			assertThat(staff.get("/api/certificates/PCEC-1900-000001/history", "manager", "manager").status())
				.isEqualTo(404);
		}
	}

}
