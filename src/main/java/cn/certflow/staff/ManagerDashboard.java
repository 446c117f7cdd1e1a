package cn.certflow.staff;

import java.util.List;

import cn.certflow.surveillance.AuditForecast;
import cn.certflow.system.AsEngine;
import cn.certflow.system.EngineTime;
import cn.certflow.web.StaffNavigation;
import cn.certflow.web.StaffPage;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The managers' dashboard (issue 19.4): work in progress and overdue work by step and by
 * team, certificates by status and scheme, and the audits and person-days due per month
 * over the next twelve months ({@link AuditForecast}), in total, by scheme and by team.
 * Managers, quality managers and administrators; others 403. Read only.
 */
@Controller
class ManagerDashboard extends StaffPage {

	/** This month and the twelve after it. */
	static final int FORECAST_MONTHS = 13;

	private final WorkInProgress work;

	private final AuditForecast forecast;

	private final AsEngine asEngine;

	ManagerDashboard(WorkInProgress work, AuditForecast forecast, AsEngine asEngine) {
		this.asEngine = asEngine;
		this.work = work;
		this.forecast = forecast;
	}

	@GetMapping("/staff/dashboard")
	String dashboard(HttpServletRequest request, Model model) {
		requireAnyGroup(request, "管理看板", StaffNavigation.DASHBOARD_READERS);
		// the audit-time table is evaluated for the forecast, not by the reader
		AuditForecast.Forecast forecast = this.asEngine
			.call(() -> this.forecast.forecast(EngineTime.today(), FORECAST_MONTHS));
		List<AuditForecast.Month> months = forecast.months();
		model.addAttribute("title", "管理看板");
		model.addAttribute("steps", this.work.bySteps());
		model.addAttribute("teams", this.work.byTeams());
		model.addAttribute("certificates", this.work.certificates());
		model.addAttribute("months", months);
		model.addAttribute("schemes", forecast.schemes());
		model.addAttribute("forecastTeams", forecast.teams());
		model.addAttribute("maxDays",
				Math.max(1, months.stream().mapToInt(AuditForecast.Month::personDays).max().orElse(1)));
		model.addAttribute("today", EngineTime.today());
		return "staff/dashboard";
	}

}
