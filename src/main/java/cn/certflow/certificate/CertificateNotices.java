package cn.certflow.certificate;

import java.util.Map;

import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import cn.certflow.system.EngineTime;
import org.springframework.stereotype.Service;

/**
 * Every status change of a certificate is told to its holder, in the same transaction
 * (issue 18 point 6; R-SUS-1, PCEC 12.3): suspension with its end date and the ban on
 * using the certificate, lifting, withdrawal, cancellation, expiry; every reissue, a
 * lower grade as a downgrade.
 */
@Service
class CertificateNotices {

	private final Notices notices;

	private final RegulatoryClock clock;

	CertificateNotices(Notices notices, RegulatoryClock clock) {
		this.notices = notices;
		this.clock = clock;
	}

	void statusChanged(Certificate before, CertificateStatus to, String reason, String by) {
		NoticeKind kind = switch (to) {
			case SUSPENDED -> NoticeKind.CERTIFICATE_SUSPENDED;
			case VALID -> NoticeKind.SUSPENSION_LIFTED;
			case WITHDRAWN -> NoticeKind.CERTIFICATE_WITHDRAWN;
			case CANCELLED -> NoticeKind.CERTIFICATE_CANCELLED;
			case EXPIRED -> NoticeKind.CERTIFICATE_EXPIRED;
		};
		this.notices.send(kind, NoticeTo.certificate(before.number()), Map.of("date", EngineTime.today(), "reason",
				reason, "until", this.clock.after(EngineTime.today(), RegulatoryPeriod.SUSPENSION_LIMIT)), by);
	}

	void reissued(Certificate before, Certificate next, String reason, String by) {
		NoticeKind kind = (next.stars() < before.stars()) ? NoticeKind.CERTIFICATE_DOWNGRADED
				: NoticeKind.CERTIFICATE_REISSUED;
		this.notices.send(kind, NoticeTo.certificate(next.number()),
				Map.of("date", EngineTime.today(), "reason", reason), by);
	}

	/** R-CHG-1 (3): the deadline to move to a new version of the standard or rules. */
	void transitionDeadline(String number, java.time.LocalDate deadline, String standard, String by) {
		this.notices.send(NoticeKind.TRANSITION_DEADLINE, NoticeTo.certificate(number),
				Map.of("deadline", deadline, "standard", standard), by);
	}

}
