package cn.certflow.surveillance;

import java.time.LocalDate;
import java.util.Optional;

import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.system.EngineTime;
import org.springframework.stereotype.Component;

/**
 * When a surveillance is due (PCEC 10.2 "证后监督每年进行1次", ZHHT 3.2, R-SUR-1), the one place
 * of the rule: each surveillance is due within
 * {@link RegulatoryPeriod#SURVEILLANCE_INTERVAL} (12 months) of the previous one — the
 * day the previous surveillance of the cycle was decided, or the certification
 * (recertification) decision for the first — never at fixed anniversaries of the
 * decision, so an early or postponed surveillance moves the next one with it and the gap
 * between two surveillances is the interval. The one exception is a postponement,
 * recorded with its reason, to at most {@link RegulatoryPeriod#SURVEILLANCE_POSTPONEMENT}
 * after the due date (this product's default, general CNCA practice, not in the seeds);
 * past it the certificate is suspended. For the lifecycle (which opens each surveillance)
 * and the managers' forecast.
 */
@Component
public class SurveillanceSchedule {

	/**
	 * The dates of one surveillance.
	 *
	 * @param countedFrom the previous surveillance's decision, or the cycle's decision
	 * @param dueOn due date: {@code countedFrom} + the interval
	 * @param latestOn the latest date a postponement may reach
	 * @param planningOn when the lead auditors are asked to plan it
	 */
	public record Dates(LocalDate countedFrom, LocalDate dueOn, LocalDate latestOn, LocalDate planningOn) {
	}

	private final RegulatoryClock clock;

	SurveillanceSchedule(RegulatoryClock clock) {
		this.clock = clock;
	}

	/** The dates of the surveillance counted from {@code countedFrom}. */
	public Dates after(LocalDate countedFrom) {
		LocalDate due = this.clock.after(countedFrom, RegulatoryPeriod.SURVEILLANCE_INTERVAL);
		return new Dates(countedFrom, due, this.clock.after(due, RegulatoryPeriod.SURVEILLANCE_POSTPONEMENT),
				this.clock.before(due, RegulatoryPeriod.SURVEILLANCE_PLANNING_LEAD));
	}

	/**
	 * The dates of the next surveillance of the cycle that started on {@code cycleStart}
	 * after {@code previous}, the cycle's latest surveillance so far (none for the
	 * first). A previous one never decided (missed, suspended for it) counts from its due
	 * date.
	 */
	Dates next(LocalDate cycleStart, Optional<Surveillance> previous) {
		return after(previous.map(SurveillanceSchedule::doneOn).orElse(cycleStart));
	}

	/**
	 * When the cycle's surveillance {@code year} is due if each earlier one is decided on
	 * its due date (the forecast of audits not yet opened).
	 */
	public LocalDate projectedDue(LocalDate cycleStart, int year) {
		LocalDate due = cycleStart;
		for (int i = 0; i < year; i++) {
			due = after(due).dueOn();
		}
		return due;
	}

	private static LocalDate doneOn(Surveillance surveillance) {
		return (surveillance.decidedAt() != null)
				? surveillance.decidedAt().atZoneSameInstant(EngineTime.ZONE).toLocalDate() : surveillance.dueOn();
	}

}
