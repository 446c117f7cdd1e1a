package cn.certflow.surveillance;

import cn.certflow.grading.ScoringVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prepares an audit after certification ({@link CertificateAuditPreparation}: audit time
 * R-PLAN-1, sites and earlier nonconformities PCEC 10.1, 10.3) for its plan task.
 */
@Component
class DetermineCertificateAuditTimeDelegate implements JavaDelegate {

	private final CertificateAuditPreparation preparation;

	DetermineCertificateAuditTimeDelegate(CertificateAuditPreparation preparation) {
		this.preparation = preparation;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the kind is the calling activity's constant; the rest from our records (issue
		// 15)
		CertificateAudit.Kind kind = CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(execution).get());
		CertificateAuditPreparation.Prepared prepared = this.preparation.prepare(execution, kind,
				CertificateAudit.AUDIT_DUE_DATE.from(execution).getOrNull());
		CertificateAudit.AUDIT_TIME_BASIS.on(execution).set(prepared.timeBasis());
		CertificateAudit.PERSON_DAYS.on(execution).set(prepared.personDays());
		ScoringVariables.SCORING_FORM.on(execution).set(prepared.scoringForm());
		CertificateAudit.CERTIFIED_STARS.on(execution).set(prepared.certifiedStars());
		CertificateAudit.REQUESTED_STARS.on(execution).set(prepared.requestedStars());
		CertificateAudit.SITES.on(execution).set(prepared.sites());
		CertificateAudit.EARLIER_NONCONFORMITIES.on(execution).set(prepared.earlierNonconformities());
		prepared.dueDate().ifPresent(CertificateAudit.AUDIT_DUE_DATE.on(execution)::set);
		CertificateAudit.PLANNING_ESCALATED_HERE.on(execution).set(kind.escalatesOverduePlanning());
	}

}
