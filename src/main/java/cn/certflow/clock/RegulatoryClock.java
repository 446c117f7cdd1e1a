package cn.certflow.clock;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The periods of the rules in force ({@link RegulatoryPeriod}: default, overridden by
 * {@code certflow.regulatory-clock.<name>} in application.yaml, bound by
 * {@code RegulatoryClockConfiguration}, bean {@code regulatoryClock}). Services compute
 * every deadline here; the processes' timers read the dates they set, or
 * {@code ${regulatoryClock.duration('SURVEILLANCE_POSTPONEMENT')}}.
 */
public class RegulatoryClock {

	/** One period as the clock has it, for GET /api/regulatory-clock and the docs. */
	public record Entry(RegulatoryPeriod name, String property, String value, String defaultValue, String clause,
			String meaning, RegulatoryPeriod.Origin origin) {
	}

	private final Map<RegulatoryPeriod, Period> periods = new EnumMap<>(RegulatoryPeriod.class);

	public RegulatoryClock(Map<RegulatoryPeriod, Period> configured) {
		for (RegulatoryPeriod period : RegulatoryPeriod.values()) {
			Period value = (configured != null) ? configured.getOrDefault(period, period.defaultPeriod())
					: period.defaultPeriod();
			if (value.isNegative()) {
				throw new IllegalArgumentException(
						"certflow.regulatory-clock." + period.propertyName() + " must not be negative: " + value);
			}
			this.periods.put(period, value);
		}
	}

	/** The defaults alone (tests of a service without Spring). */
	public static RegulatoryClock defaults() {
		return new RegulatoryClock(Map.of());
	}

	/** The defaults with some periods changed (tests). */
	public static RegulatoryClock with(Map<RegulatoryPeriod, Period> changed) {
		return new RegulatoryClock(changed);
	}

	/** The period in force. */
	public Period period(RegulatoryPeriod period) {
		return this.periods.get(period);
	}

	/** The ISO-8601 duration of a period, for a BPMN timer expression. */
	public String duration(String period) {
		return period(RegulatoryPeriod.valueOf(period)).toString();
	}

	/** {@code from} + the period. */
	public LocalDate after(LocalDate from, RegulatoryPeriod period) {
		return from.plus(period(period));
	}

	/** {@code from} + the period. */
	public OffsetDateTime after(OffsetDateTime from, RegulatoryPeriod period) {
		return from.plus(period(period));
	}

	/** {@code to} − the period. */
	public LocalDate before(LocalDate to, RegulatoryPeriod period) {
		return to.minus(period(period));
	}

	/** Every period, in the order of {@link RegulatoryPeriod}. */
	public List<Entry> entries() {
		return Arrays.stream(RegulatoryPeriod.values())
			.map((p) -> new Entry(p, "certflow.regulatory-clock." + p.propertyName(), period(p).toString(),
					p.defaultPeriod().toString(), p.clause(), p.meaning(), p.origin()))
			.toList();
	}

}
