package cn.certflow.impartiality;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A relationship a person declared with a client (by credit code), as stored. An open end
 * means ongoing. The client name is the declarant's own words at the time, kept as
 * declared; the check matches on the credit code only, and its record names the client as
 * the application under check says (R-ID-1).
 */
public record Declaration(long id, String userId, String creditCode, String clientName, Relationship relationship,
		String description, LocalDate startedOn, LocalDate endedOn, String declaredBy, OffsetDateTime declaredAt) {

	/**
	 * Whether the relationship counts on the day: ongoing, or ended within the look-back
	 * years before it.
	 */
	boolean countsOn(LocalDate day, int lookBackYears) {
		return this.endedOn == null || !this.endedOn.isBefore(day.minusYears(lookBackYears));
	}

	String describe() {
		return this.relationship.name().toLowerCase() + " (" + this.relationship.label() + ") since " + this.startedOn
				+ ((this.endedOn != null) ? " until " + this.endedOn : ", ongoing");
	}

}
