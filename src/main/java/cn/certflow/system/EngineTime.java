package cn.certflow.system;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock of CertFlow: the process engine's. Domain records use it too, so that a
 * test that moves the engine clock (deadlines, expiry) sees consistent dates everywhere.
 * The only place that touches ClockUtil.
 */
public final class EngineTime {

	/** Certification dates (issue date, validity) are calendar dates in China. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private EngineTime() {
	}

	public static Date nowDate() {
		return ClockUtil.getCurrentTime();
	}

	public static OffsetDateTime now() {
		return OffsetDateTime.ofInstant(nowDate().toInstant(), ZONE);
	}

	public static LocalDate today() {
		return now().toLocalDate();
	}

	public static Date toDate(OffsetDateTime time) {
		return Date.from(time.toInstant());
	}

	/** The start of that day in the certification body's time zone. */
	public static Date toDate(LocalDate day) {
		return Date.from(day.atStartOfDay(ZONE).toInstant());
	}

	public static LocalDate toLocalDate(Date date) {
		return date.toInstant().atZone(ZONE).toLocalDate();
	}

}
