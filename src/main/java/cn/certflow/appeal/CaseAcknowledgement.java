package cn.certflow.appeal;

import cn.certflow.system.StatusHistory;
import org.springframework.stereotype.Service;

/**
 * R-APL-1 (PCEC 14): the case is acknowledged in writing to whoever raised it. The
 * acknowledgement is recorded with the reviewer's text and written, in the same
 * transaction (the task's), to the complainant at the case's e-mail address when a third
 * party without an account raised it, and to the client whose application or certificate
 * the case concerns ({@link CaseNotices}, as the outcome is).
 */
@Service
class CaseAcknowledgement {

	private final CaseRepository cases;

	private final CaseNotices notices;

	private final StatusHistory history;

	CaseAcknowledgement(CaseRepository cases, CaseNotices notices, StatusHistory history) {
		this.cases = cases;
		this.notices = notices;
		this.history = history;
	}

	/**
	 * Acknowledges the case numbered by the process's business key (never a process
	 * variable, issue 15) with {@code text}, by {@code by}.
	 */
	void acknowledge(String caseNumber, String text, String by, StatusHistory.Process process) {
		CaseRecord record = this.cases.find(caseNumber).orElseThrow();
		this.cases.acknowledged(record.id(), text, by);
		this.notices.acknowledged(record, text, by);
		this.history.record(StatusHistory.Entity.CASE, record.number(), "RECEIVED", "ACKNOWLEDGED", by, text, process);
	}

}
