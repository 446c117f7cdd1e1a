package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRequest;
import cn.certflow.application.CertificationDriver;
import cn.certflow.support.EngineClock;
import cn.certflow.system.StatusHistory;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The registry export for the CB's periodic filings: every certificate, status in IAF
 * CertSearch's words as of today (R-CERT-2 statuses, expiry from the validity, PCEC
 * 13.2), CNCA's certificate fields; CSV that Excel opens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class RegistryExportTest {

	@RegisterExtension
	final EngineClock clock = new EngineClock();

	static final Date EXPIRY_DAY_AFTER = Date
		.from(LocalDateTime.of(2029, 3, 10, 9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());

	@Autowired
	TestRestTemplate http;

	@Autowired
	CertifiedClients clients;

	@Autowired
	StatusHistory history;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldExportEveryCertificateWithItsStatusInIafWords() {
		// R-CERT-2 statuses, R-SUS-1 who/when/why of a status change
		Certificate active = this.clients.certify(CertificationDriver.request("PCEC", 4, 120), 0);
		Certificate suspended = this.clients.certify(CertificationDriver.request("PCEC", 3, 40), 12);
		suspend(suspended.number(), "quality", "重大投诉未整改 (PCEC 12.3)");

		Map<String, Map<String, Object>> today = byNumber(json("manager"));

		assertThat(today.get(active.number())).containsEntry("status", "active")
			.containsEntry("statusZh", "有效")
			.containsEntry("statusDate", "2026-03-10")
			.containsEntry("holderName", active.holderName())
			.containsEntry("creditCode", active.creditCode())
			.containsEntry("address", active.holderAddress())
			.containsEntry("scope", active.scope())
			.containsEntry("scheme", "PCEC")
			.containsEntry("rule", active.ruleDocument())
			.containsEntry("standard", "GB/T 27922-2011")
			.containsEntry("grade", "四星级")
			.containsEntry("stars", 4)
			.containsEntry("issuedOn", "2026-03-10")
			.containsEntry("firstIssuedOn", "2026-03-10")
			.containsEntry("expiresOn", "2029-03-09")
			.containsEntry("signatory", "decider")
			.containsEntry("leadAuditor", "lead")
			.containsEntry("auditTeam", "lead, auditor")
			.containsEntry("headcount", 120)
			.containsEntry("revision", 1)
			.containsEntry("certificationType", "服务认证（售后服务认证）");
		assertThat((String) today.get(active.number()).get("statusReason")).startsWith("issued at 四星级");
		assertThat(today.get(suspended.number())).containsEntry("status", "suspended")
			.containsEntry("statusZh", "暂停")
			.containsEntry("statusReason", "重大投诉未整改 (PCEC 12.3)");

		this.clock.moveTo(EXPIRY_DAY_AFTER);
		Map<String, Map<String, Object>> later = byNumber(json("reviewer"));

		assertThat(later.get(active.number())).as("past its validity, a valid certificate is expired")
			.containsEntry("status", "expired")
			.containsEntry("statusZh", "过期")
			.containsEntry("statusDate", "2029-03-10");
		assertThat(later.get(suspended.number())).as("a suspended one stays suspended")
			.containsEntry("status", "suspended");
	}

	@Test
	void shouldMapEveryCertificateStatusToIafCertSearchVocabulary() {
		assertThat(Arrays.stream(CertificateStatus.values()).map(RegistryEntry::iafStatus)).containsExactly("active",
				"suspended", "withdrawn", "cancelled", "expired");
		assertThat(Arrays.stream(CertificateStatus.values()).map(CertificateDocument::statusLabel))
			.containsExactly("有效", "暂停", "撤销", "注销", "过期");
	}

	@Test
	void shouldExportCsvThatExcelOpensAsUtf8_quotingWhatNeedsIt() throws Exception {
		ApplicationRequest base = CertificationDriver.request("PCEC", 3, 40);
		ApplicationRequest tricky = new ApplicationRequest("天津\"某某\",电器服务有限公司", base.clientAddress(), base.creditCode(),
				base.legalStatus(), base.schemeId(), base.requestedStars(), base.technicalArea(), base.categories(),
				List.of("天津市红桥区丁字沽三号路85号", "天津市河北区中山路1号"), base.headcount(), base.documents());
		Certificate certificate = this.clients.certify(tricky, 12);

		ResponseEntity<byte[]> response = this.http.withBasicAuth("quality", "quality")
			.getForEntity("/api/certificates/export.csv", byte[].class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeaders().getContentDisposition().getFilename())
			.isEqualTo("certificates-2026-03-10.csv");
		byte[] body = response.getBody();
		assertThat(Arrays.copyOf(body, 3)).as("UTF-8 byte-order mark for Excel")
			.containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		assertThat(text.lines().findFirst().orElseThrow())
			.isEqualTo("证书编号,证书版本,证书状态（IAF）,证书状态,状态日期,状态变更原因,认证类型,认证方案,认证规则,认证依据标准,认证等级,星级,"
					+ "组织名称,统一社会信用代码,组织地址,认证覆盖场所,覆盖人数,认证范围,颁证日期,初次发证日期,证书到期日期,签发人,审查组长," + "审查组成员,审查人日,审查日期,申请编号,认证机构");
		try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(text)) {
			Map<String, String> row = rows.readAll()
				.stream()
				.filter(r -> certificate.number().equals(r.get("证书编号")))
				.findFirst()
				.orElseThrow();
			assertThat(row).containsEntry("组织名称", "天津\"某某\",电器服务有限公司")
				.containsEntry("证书状态（IAF）", "active")
				.containsEntry("证书状态", "有效")
				.containsEntry("统一社会信用代码", tricky.creditCode())
				.containsEntry("认证覆盖场所", "天津市红桥区丁字沽三号路85号；天津市河北区中山路1号")
				.containsEntry("认证依据标准", "GB/T 27922-2011")
				.containsEntry("认证等级", "三星级")
				.containsEntry("颁证日期", "2026-03-10")
				.containsEntry("证书到期日期", "2029-03-09")
				.containsEntry("审查人日",
						String.valueOf(this.jdbc.sql("select person_days from audit where application_id = ?")
							.param(certificate.applicationId())
							.query(Integer.class)
							.single()));
		}
		assertThat(text).as("commas and quotes quoted (RFC 4180)").contains("\"天津\"\"某某\"\",电器服务有限公司\"");
	}

	@Test
	void shouldServeTheExportToStaffOnly() {
		assertThat(this.http.getForEntity("/api/certificates/export.csv", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.http.getForEntity("/api/certificates/export.json", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	private void suspend(String number, String by, String reason) {
		this.jdbc.sql("update certificate set status = 'SUSPENDED' where number = ?").param(number).update();
		this.history.record(StatusHistory.Entity.CERTIFICATE, number, "VALID", "SUSPENDED", by, reason);
	}

	private List<Map<String, Object>> json(String user) {
		ResponseEntity<List<Map<String, Object>>> response = this.http.withBasicAuth(user, user)
			.exchange("/api/certificates/export.json", HttpMethod.GET, null, new ParameterizedTypeReference<>() {
			});
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static Map<String, Map<String, Object>> byNumber(List<Map<String, Object>> entries) {
		return entries.stream()
			.collect(java.util.stream.Collectors.toMap(e -> (String) e.get("certificateNumber"), e -> e));
	}

}
