package cn.certflow.decision;

import static cn.certflow.application.InitialCertification.DECISION_OUTCOME;
import static cn.certflow.application.InitialCertification.DECISION_REASONS;
import static cn.certflow.application.InitialCertification.EXTERNAL_INFORMATION;

import java.util.Set;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditRepository;
import cn.certflow.audit.AuditService;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The certification decision (R-DEC-1/2): certify only on a passing grade; a refusal
 * needs written reasons; information from outside the audit may be recorded. Kept in
 * certification_decision with the decider.
 */
@Component
class CertificationDecisionListener implements TaskListener {

	static final String CERTIFY = "CERTIFY";

	static final String REFUSE = "REFUSE";

	private final DecisionRepository decisions;

	private final AuditRepository audits;

	private final AuditService auditService;

	private final ApplicationService applications;

	private final CurrentUser currentUser;

	CertificationDecisionListener(DecisionRepository decisions, AuditRepository audits, AuditService auditService,
			ApplicationService applications, CurrentUser currentUser) {
		this.decisions = decisions;
		this.audits = audits;
		this.auditService = auditService;
		this.applications = applications;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String outcome = FormInput.requiredChoice(DECISION_OUTCOME, task, Set.of(CERTIFY, REFUSE));
		// application, audit and grade from our records, never from a process variable
		// (issue 15)
		ApplicationRecord application = this.applications.forProcess(task.getProcessInstanceId());
		long auditId = this.auditService.currentAudit(task.getExecution()).id();
		var score = this.audits.latestScore(auditId)
			.orElseThrow(() -> new InvalidInputException(DECISION_OUTCOME.getName(), "the audit has no score"));
		String reasons = FormInput.text(DECISION_REASONS, task);
		if (CERTIFY.equals(outcome) && score.stars() == 0) {
			throw new InvalidInputException(DECISION_OUTCOME.getName(), "cannot certify: the grade is " + score.grade()
					+ " (" + score.score().stripTrailingZeros().toPlainString() + ")");
		}
		if (REFUSE.equals(outcome) && (reasons == null || reasons.isBlank())) {
			throw new InvalidInputException(DECISION_REASONS.getName(),
					"a refusal needs written reasons for the client (PCEC 9)");
		}
		this.decisions.record(application.id(), auditId, CERTIFY.equals(outcome), score.stars(), reasons,
				FormInput.text(EXTERNAL_INFORMATION, task), this.currentUser.id(task));
	}

}
