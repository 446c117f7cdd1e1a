package cn.certflow.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.system.EngineTime;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every certificate for the CB's periodic filings (CNCA 认证信息报送, IAF CertSearch): status
 * in IAF's words as of today (a valid certificate past its validity is expired, PCEC
 * 13.2), the status date and reason from the status history, the audit the certificate
 * rests on.
 */
@Component
class RegistryExport {

	static final String CERTIFICATION_TYPE = "服务认证（售后服务认证）";

	/** Excel opens a CSV as UTF-8 only when it starts with a byte-order mark. */
	static final String BOM = "\uFEFF";

	private final JdbcClient jdbc;

	private final CsvMapper csv = new CsvMapper();

	RegistryExport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(String number, int revision, String body, String holder, String address, String creditCode,
			String scope, String scheme, String rule, String standard, int stars, String grade, LocalDate issuedOn,
			LocalDate expiresOn, String signatory, CertificateStatus status, long applicationId,
			String applicationNumber, String sites, int headcount) {
	}

	private record LastChange(OffsetDateTime at, String reason) {
	}

	private record AuditInfo(String lead, String team, int personDays, LocalDate plannedOn) {
	}

	List<RegistryEntry> entries() {
		LocalDate today = EngineTime.today();
		Map<String, LastChange> changes = lastStatusChanges();
		Map<Long, AuditInfo> audits = certifyingAudits();
		Map<String, LocalDate> firstIssued = firstIssueDates();
		List<RegistryEntry> entries = new ArrayList<>();
		for (Row r : rows()) {
			Certificate face = new Certificate(r.number(), r.applicationId(), r.revision(), r.body(), r.holder(),
					r.address(), r.creditCode(), r.scope(), r.scheme(), r.rule(), r.standard(), r.stars(), r.grade(),
					null, 0, null, r.issuedOn(), r.expiresOn(), r.signatory(), r.status());
			CertificateStatus status = face.statusOn(today);
			LastChange change = changes.get(r.number());
			LocalDate statusDate;
			String reason;
			if (status == CertificateStatus.EXPIRED && r.status() != CertificateStatus.EXPIRED) {
				statusDate = r.expiresOn().plusDays(1);
				reason = "有效期届满 (validity ended, PCEC 13.2)";
			}
			else {
				statusDate = (change != null) ? change.at().atZoneSameInstant(EngineTime.ZONE).toLocalDate()
						: r.issuedOn();
				reason = (change != null) ? change.reason() : null;
			}
			AuditInfo audit = audits.get(r.applicationId());
			entries.add(new RegistryEntry(r.number(), r.revision(), RegistryEntry.iafStatus(status),
					CertificateDocument.statusLabel(status), statusDate, reason, CERTIFICATION_TYPE, r.scheme(),
					r.rule(), r.standard(), r.grade(), r.stars(), r.holder(), r.creditCode(), r.address(),
					r.sites().replace("\n", "；"), r.headcount(), r.scope(), r.issuedOn(),
					firstIssued.getOrDefault(r.number(), r.issuedOn()), r.expiresOn(), r.signatory(),
					(audit != null) ? audit.lead() : null, (audit != null) ? audit.team() : null,
					(audit != null) ? audit.personDays() : null, (audit != null) ? audit.plannedOn() : null,
					r.applicationNumber(), r.body()));
		}
		return entries;
	}

	/**
	 * The entries as CSV: UTF-8 with a byte-order mark, Chinese headers, RFC 4180
	 * quoting; every value quoted and no text able to start a formula (see
	 * {@link #cell}).
	 */
	byte[] csv(List<RegistryEntry> entries) {
		CsvSchema.Builder schema = CsvSchema.builder();
		RegistryEntry.COLUMNS.forEach(c -> schema.addColumn(c.header()));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
			writer.write(BOM);
			// our own fixed headers, unquoted as Excel writes them; the values always
			// quoted (OWASP CSV injection)
			writer.write(String.join(",", RegistryEntry.COLUMNS.stream().map(RegistryEntry.Column::header).toList()));
			writer.write("\n");
			try (SequenceWriter rows = this.csv.writer(schema.build().withoutHeader())
				.with(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
				.writeValues(writer)) {
				for (RegistryEntry entry : entries) {
					rows.write(RegistryEntry.COLUMNS.stream().map(c -> cell(c.value().apply(entry))).toList());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * What starts a formula in Excel, WPS or LibreOffice Calc (OWASP "CSV Injection").
	 */
	private static final String FORMULA_START = "=+-@\t\r";

	/**
	 * One value as a spreadsheet must read it. Text (holder name, address, scope,
	 * reasons: typed by clients and staff) that begins with = + - @, a tab or a carriage
	 * return gets a single quote in front, which the spreadsheet takes as "this is text"
	 * and does not show, so {@code =HYPERLINK(…)} or {@code @SUM(1+1)*cmd|…} arrive as
	 * the text they are. Numbers (revision, stars, headcount, person-days) are written as
	 * numbers and never changed: a number cannot be a formula, and none of these columns
	 * is ever negative; a text that merely looks like a negative number is still text and
	 * keeps its quote. Every value is also quoted, so that no separator in it (a comma,
	 * or a semicolon where that is the list separator) starts a new cell.
	 */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (value instanceof Number || text.isEmpty()) {
			return text;
		}
		return (FORMULA_START.indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

	private List<Row> rows() {
		return this.jdbc
			.sql("select c.number, c.revision, c.certification_body, c.holder_name, c.holder_address,"
					+ " c.credit_code, c.scope, c.scheme, c.rule_document, c.standard, c.stars, c.grade, c.issued_on,"
					+ " c.expires_on, c.signatory, c.status, c.application_id, a.number, a.sites, a.headcount"
					+ " from certificate c join application a on a.id = c.application_id order by c.number")
			.query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11),
					rs.getString(12), rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class),
					rs.getString(15), CertificateStatus.valueOf(rs.getString(16)), rs.getLong(17), rs.getString(18),
					rs.getString(19), rs.getInt(20)))
			.list();
	}

	/** The latest status change of each certificate. */
	private Map<String, LastChange> lastStatusChanges() {
		Map<String, LastChange> last = new HashMap<>();
		this.jdbc
			.sql("select entity_key, changed_at, reason from status_change where entity_type = 'CERTIFICATE'"
					+ " order by id")
			.query((rs, n) -> Map.entry(rs.getString(1),
					new LastChange(rs.getObject(2, OffsetDateTime.class), rs.getString(3))))
			.list()
			.forEach(e -> last.put(e.getKey(), e.getValue()));
		return last;
	}

	/** Issue date of each certificate's first revision. */
	private Map<String, LocalDate> firstIssueDates() {
		Map<String, LocalDate> first = new HashMap<>();
		this.jdbc.sql("select certificate_number, min(issued_on) from certificate_revision group by certificate_number")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, LocalDate.class)))
			.list()
			.forEach(e -> first.put(e.getKey(), e.getValue()));
		return first;
	}

	/**
	 * For each application, the audit of its latest positive decision: lead, team,
	 * person-days, date.
	 */
	private Map<Long, AuditInfo> certifyingAudits() {
		Map<Long, List<String>> teams = new HashMap<>();
		this.jdbc.sql("select audit_id, user_id from audit_team_member order by audit_id, role, user_id")
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(e -> teams.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, AuditInfo> audits = new HashMap<>();
		this.jdbc.sql("select d.application_id, au.id, au.lead_auditor, au.person_days, au.planned_on"
				+ " from certification_decision d join audit au on au.id = d.audit_id where d.certified = true order by d.id")
			.query((rs, n) -> Map.entry(rs.getLong(1),
					new AuditInfo(rs.getString(3), String.join(", ", teams.getOrDefault(rs.getLong(2), List.of())),
							rs.getInt(4), rs.getObject(5, LocalDate.class))))
			.list()
			.forEach(e -> audits.put(e.getKey(), e.getValue()));
		return audits;
	}

}
