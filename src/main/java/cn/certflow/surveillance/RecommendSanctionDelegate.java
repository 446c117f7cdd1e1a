package cn.certflow.surveillance;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Puts the rules' recommendation on the process before the decision (shown on the form and in Cockpit), R-SUR-3. */
@Component
class RecommendSanctionDelegate implements JavaDelegate {

	private final SanctionAdvice advice;

	RecommendSanctionDelegate(SanctionAdvice advice) {
		this.advice = advice;
	}

	@Override
	public void execute(DelegateExecution execution) {
		SanctionAdvice.Advice advised = this.advice.advise(
				CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(execution).get()),
				CertificateAudit.AUDIT_OUTCOME.from(execution).get(), CertificateAudit.STARS.from(execution).getOrNull(),
				CertificateAudit.CERTIFIED_STARS.from(execution).get(), CertificateAudit.REQUESTED_STARS.from(execution).get(),
				List.of());
		CertificateAudit.RECOMMENDATION.on(execution)
			.set(advised.decision() + ((advised.stars() != null) ? " → " + advised.stars() + "★" : ""));
		CertificateAudit.RECOMMENDATION_RULES.on(execution).set(String.join("\n", advised.rules()));
	}

}
