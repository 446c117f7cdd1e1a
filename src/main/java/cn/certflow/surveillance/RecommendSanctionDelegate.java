package cn.certflow.surveillance;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Puts the rules' recommendation on the process before the decision (shown on the form
 * and in Cockpit), R-SUR-3.
 */
@Component
class RecommendSanctionDelegate implements JavaDelegate {

	private final SanctionAdvice advice;

	private final CertificateAuditRecords records;

	RecommendSanctionDelegate(SanctionAdvice advice, CertificateAuditRecords records) {
		this.advice = advice;
		this.records = records;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// kind, outcome and grades from our records, never from process variables (issue
		// 15)
		CertificateAuditRecords.Facts facts = this.records.facts(execution);
		SanctionAdvice.Advice advised = this.advice.advise(facts.kind(), facts.auditOutcome(), facts.stars(),
				facts.certifiedStars(), facts.requestedStars(), List.of());
		CertificateAudit.RECOMMENDATION.on(execution)
			.set(advised.decision() + ((advised.stars() != null) ? " → " + advised.stars() + "★" : ""));
		CertificateAudit.RECOMMENDATION_RULES.on(execution).set(String.join("\n", advised.rules()));
	}

}
