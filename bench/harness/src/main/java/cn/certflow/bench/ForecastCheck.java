package cn.certflow.bench;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;

import cn.certflow.surveillance.AuditForecast;
import cn.certflow.surveillance.CertificateAudit;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.HistoryService;

/**
 * The managers' forecast (AuditForecast: audits and person-days due per month ahead)
 * taken at the start of the measured year, against the audits the simulated year then
 * actually opened in each month (certificate-audit instances started).
 */
final class ForecastCheck {

	private final AuditForecast forecast;

	private final HistoryService history;

	private List<AuditForecast.Month> months = List.of();

	ForecastCheck(AuditForecast forecast, HistoryService history) {
		this.forecast = forecast;
		this.history = history;
	}

	void takeForecast(LocalDate from, int months) {
		this.months = this.forecast.months(from, months);
	}

	void report(StringBuilder out) {
		out.append("\n| month | forecast audits (surveillance + recertification) | forecast person-days"
				+ " | audits opened in the simulation |\n|---|---|---|---|\n");
		for (AuditForecast.Month month : this.months) {
			out.append("| ")
				.append(month.month())
				.append(" | ")
				.append(month.surveillances())
				.append(" + ")
				.append(month.recertifications())
				.append(" | ")
				.append(month.personDays())
				.append(" | ")
				.append(opened(month.month()))
				.append(" |\n");
		}
	}

	private long opened(YearMonth month) {
		return this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(CertificateAudit.KEY)
			.startedAfter(start(month.atDay(1)))
			.startedBefore(start(month.plusMonths(1).atDay(1)))
			.count();
	}

	private static Date start(LocalDate day) {
		return Date.from(day.atStartOfDay(EngineTime.ZONE).toInstant());
	}

}
