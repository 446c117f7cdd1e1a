package cn.certflow.surveillance;

import java.time.LocalDate;

/**
 * When a surveillance is due (PCEC 10.2, R-SUR-1): each surveillance year counted from
 * the certification cycle's start. The one place of the rule, for the lifecycle (which
 * opens each surveillance) and the managers' forecast.
 */
public final class SurveillanceSchedule {

	private SurveillanceSchedule() {
	}

	/** The due date of the surveillance of the year (1, 2) of the cycle. */
	public static LocalDate dueOn(LocalDate cycleStart, int year) {
		return cycleStart.plusYears(year);
	}

}
