package cn.certflow.surveillance;

import java.util.List;

import cn.certflow.decision.CertificationDecisions;
import cn.certflow.system.FormInput;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * The decision after an audit (R-DEC-1 is checked by the impartiality listener before):
 * the rules are asked again with the facts the decider ticked ({@link SanctionAdvice}),
 * the decision judged against them ({@link NeverMilderThanAdvised}, R-SUR-3), and
 * recorded as a certification decision with the decider and on the surveillance it
 * closes. Certificate, audit, kind, outcome and grades from our records, never from
 * process variables (issue 15).
 */
@Service
class CertificateAuditDecisions {

	private static final List<String> POSITIVE = List.of(CertificateAudit.KEEP, CertificateAudit.DOWNGRADE,
			CertificateAudit.APPROVE);

	private final SanctionAdvice advice;

	private final CertificateAuditRecords records;

	private final CertificationDecisions decisions;

	private final SurveillanceService surveillances;

	private final SurveillanceReduction reduction;

	CertificateAuditDecisions(SanctionAdvice advice, CertificateAuditRecords records, CertificationDecisions decisions,
			SurveillanceService surveillances, SurveillanceReduction reduction) {
		this.reduction = reduction;
		this.advice = advice;
		this.records = records;
		this.decisions = decisions;
		this.surveillances = surveillances;
	}

	/**
	 * The facts the decider ticked, the reasons and, at recertification, a reduced
	 * surveillance frequency, from the decision form.
	 */
	record Form(List<String> facts, String reasons, SurveillanceReduction.Request reduction, String by) {
	}

	/**
	 * Judges and records the decision (one of the kind's
	 * {@link CertificateAudit.Kind#decisions()}); sets the decided grade, the rules and
	 * the reasons.
	 */
	void decide(DelegateTask task, Form form) {
		CertificateAuditRecords.Facts known = this.records.facts(task.getExecution());
		CertificateAudit.Kind kind = known.kind();
		String decision = FormInput.requiredChoice(CertificateAudit.DECISION, task, kind.decisions());
		String reasons = form.reasons();
		Integer stars = known.stars();
		SanctionAdvice.Advice advised = this.advice.advise(kind, known.auditOutcome(), stars, known.certifiedStars(),
				known.requestedStars(), form.facts());
		NeverMilderThanAdvised.check(kind, decision, advised);
		Integer decidedStars = NeverMilderThanAdvised.decidedStars(decision, advised, stars, known.certifiedStars());
		NeverMilderThanAdvised.reasons(decision, advised, reasons);
		this.reduction.decide(known.certificate(), kind, decision, form.reduction());
		CertificateAudit.DECIDED_STARS.on(task).set(decidedStars);
		CertificateAudit.RECOMMENDATION_RULES.on(task).set(String.join("\n", advised.rules()));
		CertificateAudit.DECISION_REASONS.on(task)
			.set((reasons != null && !reasons.isBlank()) ? reasons.trim()
					: decision + ": " + String.join("; ", advised.rules()));
		this.decisions.record(known.certificate().applicationId(), known.audit().id(), POSITIVE.contains(decision),
				(decidedStars != null) ? decidedStars : ((stars != null) ? stars : 0),
				kind + " " + decision + ((reasons != null) ? ": " + reasons : ""), String.join(",", form.facts()),
				form.by());
		this.records.surveillanceOf(known.audit(), known.certificate().number())
			.ifPresent((surveillance) -> this.surveillances.decided(surveillance.id(), decision, advised.rules(),
					form.by(), StatusHistory.Process.of(task)));
	}

}
