package cn.certflow.surveillance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * ({@link AuditTimeService}). Reads; writes nothing.
 */
@Service
public class AuditForecast {

	/** Surveillance years of a cycle when the frequency is not reduced (PCEC 10.2). */
	static final List<Integer> SURVEILLANCE_YEARS = List.of(1, 2);

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

	record CertificateRow(String number, LocalDate cycleStart, LocalDate expiresOn, int headcount) {
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
		YearMonth first = YearMonth.from(from);
		YearMonth end = first.plusMonths(count);
		Map<YearMonth, int[]> totals = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			totals.put(first.plusMonths(i), new int[3]);
		}
		Map<String, Integer> days = new HashMap<>();
		Map<String, List<SurveillanceRow>> surveillances = new HashMap<>();
		for (SurveillanceRow row : surveillances()) {
			surveillances.computeIfAbsent(row.certificateNumber(), (k) -> new ArrayList<>()).add(row);
		}
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
				LocalDate due = (recorded == null) ? this.schedule.projectedDue(certificate.cycleStart(), year)
						: (recorded.postponedTo() != null) ? recorded.postponedTo() : recorded.dueOn();
				add(totals, first, end, due, 0, personDays(days, certificate.headcount(), AuditType.SURVEILLANCE));
			}
			add(totals, first, end, certificate.expiresOn(), 1,
					personDays(days, certificate.headcount(), AuditType.RECERTIFICATION));
		}
		return totals.entrySet()
			.stream()
			.map((e) -> new Month(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
			.toList();
	}

	private static void add(Map<YearMonth, int[]> totals, YearMonth first, YearMonth end, LocalDate due, int kind,
			int personDays) {
		YearMonth month = YearMonth.from(due);
		if (month.isBefore(first) || !month.isBefore(end)) {
			return;
		}
		int[] total = totals.get(month);
		total[kind]++;
		total[2] += personDays;
	}

	private int personDays(Map<String, Integer> cache, int headcount, AuditType type) {
		return cache.computeIfAbsent(headcount + "/" + type, (k) -> this.auditTime.personDays(headcount, type));
	}

	private List<CertificateRow> certificates() {
		return this.jdbc
			.sql("select ce.number, coalesce(ce.cycle_start, ce.issued_on), ce.expires_on, a.headcount"
					+ " from certificate ce join application a on a.id = ce.application_id"
					+ " where ce.status in (?, ?) order by ce.number")
			.params(CertificateStatus.VALID.name(), CertificateStatus.SUSPENDED.name())
			.query((rs, n) -> new CertificateRow(rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getInt(4)))
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
