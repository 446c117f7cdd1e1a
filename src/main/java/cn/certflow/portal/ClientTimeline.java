package cn.certflow.portal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.notification.ClientNotice;
import cn.certflow.notification.Notices;
import cn.certflow.web.Words;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import org.springframework.stereotype.Component;

/**
 * The timeline of an application or a certificate as its client reads it (issue 18 point
 * 7): every status change from the status history, every notice sent, and the dates and
 * deadlines on record, oldest first, in plain Chinese. It reads only; the owner was
 * checked by {@link ClientRecords}.
 */
@Component
class ClientTimeline {

	private final StatusHistory history;

	private final Notices notices;

	ClientTimeline(StatusHistory history, Notices notices) {
		this.history = history;
		this.notices = notices;
	}

	List<TimelineEntry> ofApplication(ApplicationRecord application) {
		List<TimelineEntry> entries = new ArrayList<>();
		entries.add(new TimelineEntry(application.receivedAt(), "认证申请已收到", "编号 " + application.number()));
		if (application.reviewDueAt() != null && application.reviewedAt() == null) {
			entries.add(new TimelineEntry(application.reviewDueAt(), "申请评审期限", "认证机构应在此之前完成申请评审"));
		}
		if (application.contractSignedOn() != null) {
			entries
				.add(new TimelineEntry(application.contractSignedOn().atStartOfDay(EngineTime.ZONE).toOffsetDateTime(),
						"认证合同已签订", "合同编号 " + application.contractNumber()));
		}
		statusChanges(entries, "申请", StatusHistory.Entity.APPLICATION, application.number());
		this.notices.forApplication(application.number()).forEach(n -> entries.add(notice(n)));
		return sorted(entries);
	}

	List<TimelineEntry> ofCertificate(Certificate certificate, List<CertificateRequest> requests) {
		List<TimelineEntry> entries = new ArrayList<>();
		entries.add(new TimelineEntry(certificate.expiresOn().atStartOfDay(EngineTime.ZONE).toOffsetDateTime(),
				"证书有效期至", certificate.expiresOn().toString()));
		statusChanges(entries, "证书", StatusHistory.Entity.CERTIFICATE, certificate.number());
		for (CertificateRequest request : requests) {
			String what = Words.INSTANCE.of(request.kind()) + "请求";
			entries.add(new TimelineEntry(request.requestedAt(), what + "已提交", plain(request.description())));
			statusChanges(entries, what, StatusHistory.Entity.REQUEST, String.valueOf(request.id()));
		}
		this.notices.forCertificate(certificate.number()).forEach(n -> entries.add(notice(n)));
		return sorted(entries);
	}

	private void statusChanges(List<TimelineEntry> entries, String what, StatusHistory.Entity entity, String key) {
		for (StatusHistory.Change change : this.history.of(entity, key)) {
			String text = (change.fromStatus() == null) ? what + "状态：" + Words.INSTANCE.of(change.toStatus()) : what
					+ "状态：" + Words.INSTANCE.of(change.fromStatus()) + " → " + Words.INSTANCE.of(change.toStatus());
			entries.add(new TimelineEntry(change.changedAt(), text, plain(change.reason())));
		}
	}

	private static TimelineEntry notice(ClientNotice notice) {
		String subject = (notice.subject() != null) ? notice.subject() : "认证机构通知";
		return new TimelineEntry(notice.createdAt(), "收到通知：" + subject, "");
	}

	/**
	 * A recorded reason when it is written in Chinese; staff's English notes are left
	 * out.
	 */
	private static String plain(String text) {
		if (text == null
				|| text.codePoints().noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
			return "";
		}
		return text;
	}

	private static List<TimelineEntry> sorted(List<TimelineEntry> entries) {
		return entries.stream().filter(e -> e.at() != null).sorted(Comparator.comparing(TimelineEntry::at)).toList();
	}

}
