package cn.certflow.surveillance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import cn.certflow.certificate.CertificateStatus;
import cn.certflow.planning.AuditTimeService;
import cn.certflow.planning.AuditType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audits and person-days due per month ahead (issue 19.4, issue 22's forecast for
 * managers): for every valid or suspended certificate, each surveillance of its cycle not
 * yet decided, in the month it is due ({@link SurveillanceSchedule}, or the date it was
 * postponed to), and its recertification in the month the certificate expires;
 * person-days from the audit-time table in force for the certificate's headcount
 * ({@link AuditTimeService}). The same audits are also counted by scheme and by team: the
 * team of a certificate is the lead auditor of its last audit, the one who knows the
 * client; a certificate without an audit on record counts as {@link #NO_TEAM}. Reads;
 * writes nothing.
 */
@Service
public class AuditForecast {

	/** Surveillance years of a cycle when the frequency is not reduced (PCEC 10.2). */
	static final List<Integer> SURVEILLANCE_YEARS = List.of(1, 2);

	/** The team of a certificate that has no audit on record. */
	public static final String NO_TEAM = "（无审查记录）";

	/**
	 * One audit due within the forecast.
	 *
	 * @param certificateNumber the certificate audited
	 * @param scheme its scheme
	 * @param team lead auditor of its last audit, or {@link #NO_TEAM}
	 * @param month the month it is due
	 * @param type surveillance or recertification
	 * @param personDays its person-days
	 */
	public record DueAudit(String certificateNumber, String scheme, String team, YearMonth month, AuditType type,
			int personDays) {
	}

	/**
	 * One month of the forecast.
	 *
	 * @param month the month
	 * @param surveillances surveillance audits due
	 * @param recertifications recertification audits due
	 * @param personDays person-days of both
	 */
	public record Month(YearMonth month, int surveillances, int recertifications, int personDays) {

		public int audits() {
			return this.surveillances + this.recertifications;
		}

	}

	/**
	 * The audits of one scheme or one team, month by month.
	 *
	 * @param name the scheme or the team
	 * @param months its audits and person-days in each month of the forecast
	 */
	public record Line(String name, List<Month> months) {

		public int audits() {
			return this.months.stream().mapToInt(Month::audits).sum();
		}

		public int personDays() {
			return this.months.stream().mapToInt(Month::personDays).sum();
		}

	}

	/**
	 * The forecast: the months in total, and the same audits by scheme and by team.
	 *
	 * @param months every month, all audits
	 * @param schemes one line per scheme with audits due
	 * @param teams one line per team with audits due
	 */
	public record Forecast(List<Month> months, List<Line> schemes, List<Line> teams) {
	}

	record CertificateRow(String number, String scheme, String team, LocalDate cycleStart, LocalDate expiresOn,
			int headcount) {
	}

	record SurveillanceRow(String certificateNumber, LocalDate cycleStart, int year, LocalDate dueOn, String status,
			LocalDate postponedTo) {
	}

	private final JdbcClient jdbc;

	private final AuditTimeService auditTime;

	private final SurveillanceSchedule schedule;

	AuditForecast(JdbcClient jdbc, AuditTimeService auditTime, SurveillanceSchedule schedule) {
		this.jdbc = jdbc;
		this.auditTime = auditTime;
		this.schedule = schedule;
	}

	/** The months from the one of the day on, as many as asked. */
	public List<Month> months(LocalDate from, int count) {
		return forecast(from, count).months();
	}

	/**
	 * The months from the one of the day on, as many as asked, in total, by scheme and by
	 * team.
	 */
	public Forecast forecast(LocalDate from, int count) {
		YearMonth first = YearMonth.from(from);
		List<DueAudit> due = dueAudits(first, first.plusMonths(count));
		return new Forecast(sum(first, count, due), lines(first, count, due, DueAudit::scheme),
				lines(first, count, due, DueAudit::team));
	}

	private List<DueAudit> dueAudits(YearMonth first, YearMonth end) {
		Map<String, Integer> days = new HashMap<>();
		Map<String, List<SurveillanceRow>> surveillances = new HashMap<>();
		for (SurveillanceRow row : surveillances()) {
			surveillances.computeIfAbsent(row.certificateNumber(), (k) -> new ArrayList<>()).add(row);
		}
		List<DueAudit> due = new ArrayList<>();
		for (CertificateRow certificate : certificates()) {
			for (int year : SURVEILLANCE_YEARS) {
				SurveillanceRow recorded = surveillances.getOrDefault(certificate.number(), List.of())
					.stream()
					.filter((s) -> s.year() == year && s.cycleStart().equals(certificate.cycleStart()))
					.findFirst()
					.orElse(null);
				if (recorded != null && "DECIDED".equals(recorded.status())) {
					continue;
				}
				LocalDate on = (recorded == null) ? this.schedule.projectedDue(certificate.cycleStart(), year)
						: (recorded.postponedTo() != null) ? recorded.postponedTo() : recorded.dueOn();
				add(due, first, end, certificate, on, AuditType.SURVEILLANCE, days);
			}
			add(due, first, end, certificate, certificate.expiresOn(), AuditType.RECERTIFICATION, days);
		}
		return due;
	}

	private void add(List<DueAudit> due, YearMonth first, YearMonth end, CertificateRow certificate, LocalDate on,
			AuditType type, Map<String, Integer> days) {
		YearMonth month = YearMonth.from(on);
		if (!month.isBefore(first) && month.isBefore(end)) {
			int personDays = days.computeIfAbsent(certificate.headcount() + "/" + type,
					(k) -> this.auditTime.personDays(certificate.headcount(), type));
			due.add(new DueAudit(certificate.number(), certificate.scheme(), certificate.team(), month, type,
					personDays));
		}
	}

	private static List<Line> lines(YearMonth first, int count, List<DueAudit> due, Function<DueAudit, String> name) {
		Map<String, List<DueAudit>> byName = new TreeMap<>();
		for (DueAudit audit : due) {
			byName.computeIfAbsent(name.apply(audit), (k) -> new ArrayList<>()).add(audit);
		}
		return byName.entrySet().stream().map((e) -> new Line(e.getKey(), sum(first, count, e.getValue()))).toList();
	}

	private static List<Month> sum(YearMonth first, int count, List<DueAudit> due) {
		List<Month> months = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			YearMonth month = first.plusMonths(i);
			int surveillances = 0;
			int recertifications = 0;
			int personDays = 0;
			for (DueAudit audit : due) {
				if (audit.month().equals(month)) {
					surveillances += (audit.type() == AuditType.SURVEILLANCE) ? 1 : 0;
					recertifications += (audit.type() == AuditType.RECERTIFICATION) ? 1 : 0;
					personDays += audit.personDays();
				}
			}
			months.add(new Month(month, surveillances, recertifications, personDays));
		}
		return months;
	}

	private List<CertificateRow> certificates() {
		return this.jdbc
			.sql("select ce.number, ce.scheme, (select au.lead_auditor from audit au where au.application_id ="
					+ " ce.application_id order by au.id desc limit 1), coalesce(ce.cycle_start, ce.issued_on),"
					+ " ce.expires_on, a.headcount from certificate ce join application a on a.id = ce.application_id"
					+ " where ce.status in (?, ?) order by ce.number")
			.params(CertificateStatus.VALID.name(), CertificateStatus.SUSPENDED.name())
			.query((rs, n) -> new CertificateRow(rs.getString(1), rs.getString(2),
					(rs.getString(3) != null) ? rs.getString(3) : NO_TEAM, rs.getObject(4, LocalDate.class),
					rs.getObject(5, LocalDate.class), rs.getInt(6)))
			.list();
	}

	private List<SurveillanceRow> surveillances() {
		return this.jdbc
			.sql("select certificate_number, cycle_start, surveillance_year, due_on, status, postponed_to"
					+ " from surveillance")
			.query((rs, n) -> new SurveillanceRow(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
					rs.getObject(4, LocalDate.class), rs.getString(5), rs.getObject(6, LocalDate.class)))
			.list();
	}

}
