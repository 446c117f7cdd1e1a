package cn.certflow.appeal;

import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;
import org.springframework.stereotype.Service;

/**
 * Who is written to about a case (R-APL-1, PCEC 14; issue 18): the complainant at the
 * e-mail address on the case when there is one (a third party without an account); the
 * client whose application or certificate the case concerns. Each notice carries the case
 * number: the outcome is mailed at once by the case's own mail step, the acknowledgement
 * by its own delivery ({@link cn.certflow.notification.NoticeDeliveryProcess}).
 */
@Service
class CaseNotices {

	private static final Map<String, String> KIND_NAMES = Map.of("APPEAL", "申诉", "COMPLAINT", "投诉");

	private static final Map<String, String> OUTCOME_NAMES = Map.of(AppealComplaint.UPHELD, "成立",
			AppealComplaint.DISMISSED, "不成立");

	private final CaseRepository cases;

	private final Notices notices;

	CaseNotices(CaseRepository cases, Notices notices) {
		this.cases = cases;
		this.notices = notices;
	}

	/** The outcome and its reasons, to the complainant and to the client concerned. */
	void outcome(CaseRecord record) {
		Map<String, Object> model = Map.of("complainant", record.complainant(), "kind", kindName(record), "case",
				record.number(), "outcome", OUTCOME_NAMES.getOrDefault(record.outcome(), record.outcome()), "reason",
				record.outcomeReasons());
		send(NoticeKind.CASE_OUTCOME, record, model, record.decidedBy());
	}

	/** The acknowledgement, as the reviewer wrote it, to the same people. */
	void acknowledged(CaseRecord record, String text, String by) {
		Map<String, Object> model = Map.of("complainant", record.complainant(), "kind", kindName(record), "case",
				record.number(), "date", record.receivedAt().toLocalDate(), "text", text);
		send(NoticeKind.CASE_ACKNOWLEDGED, record, model, by);
	}

	private void send(NoticeKind kind, CaseRecord record, Map<String, Object> model, String by) {
		this.cases.complainantEmail(record.id())
			.ifPresent(
					(email) -> this.notices.send(kind, NoticeTo.caseOf(record.number(), null, null, email), model, by));
		if (record.applicationNumber() != null || record.certificateNumber() != null) {
			this.notices.send(kind,
					NoticeTo.caseOf(record.number(), record.applicationNumber(), record.certificateNumber(), null),
					model, by);
		}
	}

	private static String kindName(CaseRecord record) {
		return KIND_NAMES.getOrDefault(record.kind(), record.kind());
	}

}
