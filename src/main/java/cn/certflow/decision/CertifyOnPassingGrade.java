package cn.certflow.decision;

import static cn.certflow.application.InitialCertification.DECISION_OUTCOME;
import static cn.certflow.application.InitialCertification.DECISION_REASONS;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditRecord;
import cn.certflow.audit.AuditScore;
import cn.certflow.audit.AuditService;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The certification decision after the initial audit (R-DEC-2, PCEC 9): certify only on a
 * passing grade (one star at least); a refusal needs written reasons for the client;
 * information from outside the audit may be recorded. Kept with the decider.
 */
@Service
class CertifyOnPassingGrade {

	static final String CERTIFY = "CERTIFY";

	static final String REFUSE = "REFUSE";

	private final ApplicationService applications;

	private final AuditService audits;

	private final DecisionRepository decisions;

	CertifyOnPassingGrade(ApplicationService applications, AuditService audits, DecisionRepository decisions) {
		this.applications = applications;
		this.audits = audits;
		this.decisions = decisions;
	}

	/**
	 * Records the decision of the process's application on its current audit, from our
	 * records, never from a process variable (issue 15).
	 * @param outcome {@link #CERTIFY} or {@link #REFUSE}
	 */
	void decide(DelegateExecution execution, String outcome, String reasons, String externalInformation,
			String overrideReason, String decidedBy) {
		ApplicationRecord application = this.applications.forProcess(execution.getProcessInstanceId());
		AuditRecord audit = this.audits.currentAudit(execution);
		long auditId = audit.id();
		AuditScore score = this.audits.latestScore(auditId)
			.orElseThrow(() -> new InvalidInputException(DECISION_OUTCOME.getName(), "the audit has no score"));
		check(outcome, score, reasons);
		String override = NotRecommendedOverride.reasonFor(CERTIFY.equals(outcome), audit.outcome(), overrideReason);
		this.decisions.record(application.id(), auditId, CERTIFY.equals(outcome), score.stars(), reasons,
				externalInformation, override, decidedBy);
	}

	/** R-DEC-2, PCEC 9: no certificate below one star; no refusal without reasons. */
	static void check(String outcome, AuditScore score, String reasons) {
		if (CERTIFY.equals(outcome) && score.stars() == 0) {
			throw new InvalidInputException(DECISION_OUTCOME.getName(), "cannot certify: the grade is " + score.grade()
					+ " (" + score.score().stripTrailingZeros().toPlainString() + ")");
		}
		if (REFUSE.equals(outcome) && (reasons == null || reasons.isBlank())) {
			throw new InvalidInputException(DECISION_REASONS.getName(),
					"a refusal needs written reasons for the client (PCEC 9)");
		}
	}

}
