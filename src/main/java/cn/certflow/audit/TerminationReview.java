package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.TERMINATION_APPROVED;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_REVIEW_NOTES;

import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * R-AUD-2 (PCEC 8.2.4): the certification body (quality managers) approves or declines a
 * proposed termination; a decline says why the audit should continue. The review is
 * recorded with the audit.
 */
@Service
class TerminationReview {

	private final AuditService audits;

	TerminationReview(AuditService audits) {
		this.audits = audits;
	}

	/**
	 * Records the review of the audit's proposed termination.
	 * @return whether the termination stands (approved)
	 * @throws InvalidInputException naming the field when the choice or a decline's
	 * reason is missing
	 */
	boolean review(long auditId, Boolean approved, String notes, String by) {
		if (approved == null) {
			throw new InvalidInputException(TERMINATION_APPROVED.getName(), "approve or decline the termination");
		}
		if (!approved && (notes == null || notes.isBlank())) {
			throw new InvalidInputException(TERMINATION_REVIEW_NOTES.getName(), "say why the audit should continue");
		}
		this.audits.recordEvent(auditId, approved ? "TERMINATION_APPROVED" : "TERMINATION_DECLINED", notes, by);
		return approved;
	}

}
