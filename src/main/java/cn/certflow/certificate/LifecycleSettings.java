package cn.certflow.certificate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The periods of a certificate's life that the certification body may configure
 * (application.yaml, certflow.*).
 */
@Component
public class LifecycleSettings {

	private final int surveillancePlanningDays;

	private final int postponementMonths;

	private final int recertificationReminderMonths;

	private final int suspensionMonths;

	private final int auditDays;

	LifecycleSettings(@Value("${certflow.surveillance-planning-days:60}") int surveillancePlanningDays,
			@Value("${certflow.surveillance-postponement-months:3}") int postponementMonths,
			@Value("${certflow.recertification-reminder-months:3}") int recertificationReminderMonths,
			@Value("${certflow.suspension-months:6}") int suspensionMonths,
			@Value("${certflow.certificate-audit-days:30}") int auditDays) {
		this.surveillancePlanningDays = surveillancePlanningDays;
		this.postponementMonths = postponementMonths;
		this.recertificationReminderMonths = recertificationReminderMonths;
		this.suspensionMonths = suspensionMonths;
		this.auditDays = auditDays;
	}

	/** How long before its due date a surveillance is planned. */
	public int surveillancePlanningDays() {
		return this.surveillancePlanningDays;
	}

	/** How long a surveillance may be postponed past its due date (R-SUR-1: 3 months). */
	public int postponementMonths() {
		return this.postponementMonths;
	}

	/**
	 * How long before expiry the client and staff are reminded to recertify (R-REC-1: 3
	 * months).
	 */
	public int recertificationReminderMonths() {
		return this.recertificationReminderMonths;
	}

	/**
	 * How long a suspension may last before the certificate is withdrawn (R-SUS-1: 6
	 * months).
	 */
	public int suspensionMonths() {
		return this.suspensionMonths;
	}

	/**
	 * The last moment of a suspension that starts at {@code suspendedAt} (R-SUS-1, PCEC
	 * 12.3): the suspension process's timer and the client's notice both read it here.
	 */
	public java.time.OffsetDateTime suspensionEndsAt(java.time.OffsetDateTime suspendedAt) {
		return suspendedAt.plusMonths(this.suspensionMonths);
	}

	/** Days to plan a special, change, extension or upgrade audit. */
	public int auditDays() {
		return this.auditDays;
	}

}
