package cn.certflow.support;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's clock in a test: set to a fixed instant before each test
 * ({@link #MARCH_10} unless told otherwise), moved by the test through the deadlines it
 * wants to pass, reset after each test. Works for the engine alone and for the Spring
 * tests' engine alike ({@link ClockUtil} is shared by every engine of the JVM).
 *
 * <pre>
 * &#64;RegisterExtension
 * final EngineClock clock = new EngineClock();
 * ...
 * clock.movePast(task.getDueDate());
 * </pre>
 */
public final class EngineClock implements BeforeEachCallback, AfterEachCallback {

	/**
	 * The time zone of the certification body; the surefire JVM runs in it too
	 * (-Duser.timezone).
	 */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** 2026-03-10 09:00 in Shanghai: the "today" of the tests. */
	public static final Date MARCH_10 = Date.from(LocalDateTime.of(2026, 3, 10, 9, 0).atZone(ZONE).toInstant());

	private final Date start;

	public EngineClock() {
		this(MARCH_10);
	}

	public EngineClock(Date start) {
		this.start = new Date(start.getTime());
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ClockUtil.setCurrentTime(this.start);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ClockUtil.reset();
	}

	/** The engine's time now. */
	public Date now() {
		return ClockUtil.getCurrentTime();
	}

	/** The engine's time now, in {@link #ZONE}. */
	public ZonedDateTime zonedNow() {
		return now().toInstant().atZone(ZONE);
	}

	/**
	 * A moment relative to now, for variables such as due dates (the clock does not
	 * move).
	 */
	public Date inDays(int days) {
		return Date.from(zonedNow().plusDays(days).toInstant());
	}

	/** A moment relative to now, calendar months (the clock does not move). */
	public Date inMonths(int months) {
		return Date.from(zonedNow().plusMonths(months).toInstant());
	}

	public Date moveTo(Date moment) {
		ClockUtil.setCurrentTime(moment);
		return now();
	}

	public Date moveBy(Duration duration) {
		return moveTo(Date.from(now().toInstant().plus(duration)));
	}

	/** Calendar days, months, years in {@link #ZONE}. */
	public Date moveBy(Period period) {
		return moveTo(Date.from(zonedNow().plus(period).toInstant()));
	}

	/** One second before a deadline: a timer due then must not fire yet. */
	public Date moveJustBefore(Date deadline) {
		return moveTo(new Date(deadline.getTime() - 1000));
	}

	/** One second after a deadline: a timer due then is due now. */
	public Date movePast(Date deadline) {
		return moveTo(new Date(deadline.getTime() + 1000));
	}

}
