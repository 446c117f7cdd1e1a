package cn.certflow.portal;

import java.time.OffsetDateTime;

import cn.certflow.web.Words;

/**
 * One line of an application's or a certificate's timeline as its client reads it (issue
 * 18 point 7): when, what happened, and a detail (may be empty), in plain Chinese.
 */
public record TimelineEntry(OffsetDateTime at, String what, String detail) {

	/** The time in the certification body's zone, with the zone shown. */
	public String when() {
		return Words.INSTANCE.time(this.at);
	}

}
