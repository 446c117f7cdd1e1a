package cn.certflow.competence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One qualification in the register (R-COMP-1).
 *
 * @param technicalArea a code such as {@code 01.07}, or a two-digit group such as
 * {@code 01} covering every {@code 01.xx}
 */
public record Qualification(long id, String userId, QualificationRole role, String schemeId, String technicalArea,
		LocalDate validFrom, LocalDate validUntil, String evidence, String recordedBy, OffsetDateTime recordedAt) {

	/** Valid on the day (both ends included) for the scheme and technical area. */
	public boolean covers(QualificationRole needed, String scheme, String area, LocalDate day) {
		return this.role.covers(needed) && this.schemeId.equals(scheme) && !day.isBefore(this.validFrom)
				&& !day.isAfter(this.validUntil)
				&& (this.technicalArea.equals(area) || (area != null && area.startsWith(this.technicalArea + ".")));
	}

	/** A qualification to add, as the page or the API submits it. */
	public record Request(String userId, String role, String schemeId, String technicalArea, String validFrom,
			String validUntil, String evidence) {
	}

	/** A qualification expiring within {@code withinDays} (30, 60 or 90). */
	public record Expiring(Qualification qualification, long daysLeft, int withinDays) {
	}

	/** The qualification a person held on the day they did a step of an application. */
	public record Held(String applicationNumber, String step, String person, QualificationRole role,
			Qualification qualification, LocalDate checkedOn) {
	}

}
