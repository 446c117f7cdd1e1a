package cn.certflow.audit;

import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import cn.certflow.system.CurrentUser;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * R-AUD-1, R-AUD-3, PCEC 8.2.4: at the closing meeting (after the client confirmed the
 * records and the lead auditor scored, {@link AuditScoring}) each nonconformity raised
 * gets a 30-day correction deadline; at a repeat audit, earlier nonconformities not
 * raised again count as closed. The corrections are then verified: all closed, or a
 * written result the client signs — a repeat on-site audit or "do not recommend"
 * ("如需再实施一次现场审查或不建议批准认证， 审查组应在现场形成书面结果，并请企业签字确认").
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

	/** The length of the form field {@code clientSignatory}. */
	static final int SIGNATORY_LENGTH = 100;

	/**
	 * The client's signature on the written result, as the verification form states it.
	 */
	record WrittenResult(boolean signed, String signatory) {
	}

	private final AuditService audits;

	private final Notices notices;

	NonconformityCorrection(AuditService audits, Notices notices) {
		this.audits = audits;
		this.notices = notices;
	}

	/** The closing meeting of the process's current audit. */
	Closing closingMeeting(DelegateExecution execution, List<String> nonconformities, String by) {
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
	 * The correction deadline of the process's current audit passed before the client
	 * submitted its corrective actions (R-AUD-3): recorded on the audit and the client is
	 * told, in the same transaction as the timer that found it (issue 18 point 6).
	 */
	void deadlinePassed(DelegateExecution execution) {
		AuditRecord audit = this.audits.currentAudit(execution);
		int open = this.audits.openNonconformities(audit.id());
		String deadline = this.audits.earliestOpenDue(audit.id()).map(due -> due.toLocalDate().toString()).orElse("");
		this.audits.recordEvent(audit.id(), "CORRECTION_DEADLINE_PASSED",
				open + " nonconformities not answered by " + deadline, CurrentUser.SYSTEM);
		this.notices.send(NoticeKind.CORRECTIVE_ACTIONS_OVERDUE, NoticeTo.applicationId(audit.applicationId()),
				Map.of("open", open, "deadline", deadline), CurrentUser.SYSTEM);
	}

	/**
	 * The verification of the corrections of the process's current audit; returns the
	 * nonconformities still open.
	 * @param outcome {@link #CLOSED}, {@link #REPEAT_AUDIT} or {@link #NOT_RECOMMENDED}
	 */
	int verify(DelegateExecution execution, String outcome, WrittenResult signature, String notes, String by) {
		String signatory = (signature.signatory() != null) ? signature.signatory().trim() : "";
		if (!CLOSED.equals(outcome)) {
			String result = REPEAT_AUDIT.equals(outcome) ? "再次实施现场审查" : "不建议批准认证";
			if (!signature.signed()) {
				throw new InvalidInputException(OnsiteAudit.CLIENT_SIGNED_RESULT.getName(),
						"“" + result + "”须有客户签字确认的书面结果（PCEC 8.2.4）");
			}
			if (signatory.isEmpty() || signatory.length() > SIGNATORY_LENGTH) {
				throw new InvalidInputException(OnsiteAudit.CLIENT_SIGNATORY.getName(),
						"请填写签字确认书面结果的客户代表（1–" + SIGNATORY_LENGTH + " 个字）");
			}
		}
		long auditId = this.audits.currentAudit(execution).id();
		if (CLOSED.equals(outcome)) {
			this.audits.closeNonconformities(auditId, by);
		}
		String signed = CLOSED.equals(outcome) ? "" : "书面结果由客户代表 " + signatory + " 签字确认";
		this.audits.recordEvent(auditId, "CORRECTIONS_" + outcome,
				(notes == null || notes.isBlank()) ? signed : (signed.isEmpty() ? notes : signed + "；" + notes), by);
		return this.audits.openNonconformities(auditId);
	}

}
