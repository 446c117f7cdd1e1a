package cn.certflow.surveillance;

import java.time.LocalDate;

import cn.certflow.system.InvalidInputException;

/**
 * R-SUR-1: only an annual surveillance may be postponed, with its reason recorded, to a
 * date after today and at most its latest date (the due date + the regulatory clock's
 * SURVEILLANCE_POSTPONEMENT, set when it was opened: {@link SurveillanceService#open}).
 */
final class PostponementLimit {

	private PostponementLimit() {
	}

	/** Refuses a postponement of anything but an annual surveillance not yet planned. */
	static void postponable(CertificateAudit.Kind kind, Surveillance surveillance) {
		if (kind != CertificateAudit.Kind.SURVEILLANCE || surveillance == null) {
			throw new InvalidInputException(CertificateAudit.PLAN_DECISION.getName(),
					"only an annual surveillance may be postponed (R-SUR-1)");
		}
	}

	/** Refuses a date not after today or after the surveillance's latest date. */
	static void withinLimit(LocalDate to, LocalDate today, Surveillance surveillance) {
		LocalDate latest = surveillance.latestOn();
		if (!to.isAfter(today) || to.isAfter(latest)) {
			throw new InvalidInputException(CertificateAudit.POSTPONED_TO.getName(), "must be after today and at most "
					+ latest + " (the due date + the postponement limit of the regulatory clock)");
		}
	}

}
