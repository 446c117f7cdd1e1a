package cn.certflow.appeal;

import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
import org.springframework.stereotype.Service;

/**
 * R-APL-1: the decision on a case, with reasons for the complainant. Only an upheld
 * complaint about a certificate can be found the certified client's fault, which then
 * reports the event to the certificate's lifecycle (R-SUR-2).
 */
@Service
class CaseDecision {

	private final CaseRepository cases;

	private final StatusHistory history;

	CaseDecision(CaseRepository cases, StatusHistory history) {
		this.cases = cases;
		this.history = history;
	}

	/**
	 * Records the decision on the case numbered by the process's business key; kind and
	 * certificate as recorded with the case, never process variables (issue 15).
	 */
	void decide(String caseNumber, String outcome, String reasons, boolean atFault, String by,
			StatusHistory.Process process) {
		CaseRecord record = this.cases.find(caseNumber).orElseThrow();
		if (atFault && (!AppealComplaint.Kind.COMPLAINT.name().equals(record.kind())
				|| !AppealComplaint.UPHELD.equals(outcome) || record.certificateNumber() == null)) {
			throw new InvalidInputException(AppealComplaint.CLIENT_AT_FAULT.getName(),
					"only an upheld complaint about a certificate can be found the certified client's fault");
		}
		this.cases.decided(record.id(), outcome, reasons, atFault, by);
		this.history.record(StatusHistory.Entity.CASE, record.number(), "ACKNOWLEDGED", outcome, by, reasons, process);
	}

}
