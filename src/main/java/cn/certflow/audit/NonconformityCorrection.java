package cn.certflow.audit;

import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * R-AUD-1, R-AUD-3, PCEC 8.2.4: at the closing meeting the client confirms the records
 * and each nonconformity raised gets a 30-day correction deadline; at a repeat audit,
 * earlier nonconformities not raised again count as closed. The corrections are then
 * verified: all closed, a repeat on-site audit, or a "do not recommend" result the client
 * signs.
 */
@Service
class NonconformityCorrection {

	static final String CLOSED = "CLOSED";

	static final String REPEAT_AUDIT = "REPEAT_AUDIT";

	static final String NOT_RECOMMENDED = "NOT_RECOMMENDED";

	/**
	 * What the closing meeting left open: the correction deadline, if any, and the count.
	 */
	record Closing(Optional<OffsetDateTime> correctionDue, int open) {
	}

	private final AuditService audits;

	private final Notices notices;

	NonconformityCorrection(AuditService audits, Notices notices) {
		this.audits = audits;
		this.notices = notices;
	}

	/** The closing meeting of the process's current audit. */
	Closing closingMeeting(DelegateExecution execution, boolean clientConfirmed, List<String> nonconformities,
			String by) {
		if (!clientConfirmed) {
			throw new InvalidInputException(OnsiteAudit.CLIENT_CONFIRMED_RECORDS.getName(),
					"the client must confirm the audit records");
		}
		long auditId = this.audits.currentAudit(execution).id();
		// A repeat audit re-checks earlier nonconformities on site: what is not raised
		// again is closed. Those from the special deductions of this audit's scoring stay
		// (PCEC 6.1, AuditService#raiseSpecialDeductions).
		int reverified = this.audits.closeEarlierClosingMeetingNonconformities(auditId, by);
		this.audits.recordEvent(auditId, "CLOSING_MEETING", nonconformities.size() + " nonconformities raised"
				+ ((reverified > 0) ? ", " + reverified + " earlier ones closed on site" : ""), by);
		if (!nonconformities.isEmpty()) {
			this.audits.raiseNonconformities(auditId, nonconformities);
		}
		int open = this.audits.openNonconformities(auditId);
		Optional<OffsetDateTime> due = (open > 0) ? this.audits.earliestOpenDue(auditId) : Optional.empty();
		if (due.isPresent()) {
			this.audits.changeStatus(auditId, AuditStatus.AWAITING_CORRECTIONS, null, by,
					open + " nonconformities to correct by " + due.get().toLocalDate());
			// issue 18 point 6: the client is told each nonconformity and the deadline
			this.notices
				.send(NoticeKind.NONCONFORMITIES,
						NoticeTo.applicationId(this.audits.currentAudit(execution).applicationId()),
						Map.of("deadline", due.get().toLocalDate(), "nonconformities",
								nonconformities.isEmpty() ? open + " 项（见审查记录）" : String.join("；", nonconformities)),
						by);
		}
		return new Closing(due, open);
	}

	/**
	 * The verification of the corrections of the process's current audit; returns the
	 * nonconformities still open.
	 * @param outcome {@link #CLOSED}, {@link #REPEAT_AUDIT} or {@link #NOT_RECOMMENDED}
	 */
	int verify(DelegateExecution execution, String outcome, boolean clientSigned, String notes, String by) {
		if (NOT_RECOMMENDED.equals(outcome) && !clientSigned) {
			throw new InvalidInputException(OnsiteAudit.CLIENT_SIGNED_RESULT.getName(),
					"the client must sign the written \"do not recommend\" result (PCEC 8.2.4)");
		}
		long auditId = this.audits.currentAudit(execution).id();
		if (CLOSED.equals(outcome)) {
			this.audits.closeNonconformities(auditId, by);
		}
		this.audits.recordEvent(auditId, "CORRECTIONS_" + outcome, notes, by);
		return this.audits.openNonconformities(auditId);
	}

}
