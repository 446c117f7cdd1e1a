package cn.certflow.surveillance;

import java.util.List;

import cn.certflow.decision.DecisionRepository;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.FormLists;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The decision after an audit (R-DEC-1 is checked by ImpartialityListener before this
 * one). For a surveillance the rules are asked again with the facts the decider ticked,
 * and the decision may be more severe than their recommendation but never milder
 * (R-SUR-3); any departure from it, a refusal, suspension or withdrawal needs written
 * reasons. Recorded as a certification decision with the decider.
 */
@Component
class CertificateAuditDecisionListener implements TaskListener {

	private final SanctionAdvice advice;

	private final DecisionRepository decisions;

	private final CertificateAuditRecords records;

	private final SurveillanceRepository surveillances;

	private final StatusHistory history;

	private final CurrentUser currentUser;

	CertificateAuditDecisionListener(SanctionAdvice advice, DecisionRepository decisions,
			CertificateAuditRecords records, SurveillanceRepository surveillances, StatusHistory history,
			CurrentUser currentUser) {
		this.advice = advice;
		this.decisions = decisions;
		this.records = records;
		this.surveillances = surveillances;
		this.history = history;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		// certificate, audit, kind, outcome and grades from our records, never from
		// process variables (issue 15)
		CertificateAuditRecords.Facts known = this.records.facts(task.getExecution());
		CertificateAudit.Kind kind = known.kind();
		String decision = FormInput.requiredChoice(CertificateAudit.DECISION, task, kind.decisions());
		Integer stars = known.stars();
		int certified = known.certifiedStars();
		List<String> facts = FormLists.strings(CertificateAudit.SANCTION_FACTS.from(task).getOrNull());
		SanctionAdvice.Advice advised = this.advice.advise(kind, known.auditOutcome(), stars, certified,
				known.requestedStars(), facts);
		String field = CertificateAudit.DECISION.getName();
		if (kind.surveillance() && !SanctionAdvice.atLeastAsSevere(decision, advised.decision())) {
			throw new InvalidInputException(field, "the rules call for " + advised.decision() + " ("
					+ String.join("; ", advised.rules()) + "); a decision may be more severe, never milder (R-SUR-3)");
		}
		if (CertificateAudit.APPROVE.equals(decision) && !CertificateAudit.APPROVE.equals(advised.decision())) {
			throw new InvalidInputException(field, "cannot approve: " + String.join("; ", advised.rules()));
		}
		Integer decidedStars = advised.stars();
		if (CertificateAudit.DOWNGRADE.equals(decision)) {
			decidedStars = (decidedStars != null) ? decidedStars : stars;
			if (decidedStars == null || decidedStars < 1 || decidedStars >= certified) {
				throw new InvalidInputException(field, "a downgrade needs a grade between 1★ and " + (certified - 1)
						+ "★; the audit reached " + stars + "★ — below every grade the certificate is withdrawn");
			}
		}
		String reasons = CertificateAudit.DECISION_REASONS.from(task).getOrNull();
		boolean needsReasons = !decision.equals(advised.decision())
				|| List.of(CertificateAudit.REFUSE, CertificateAudit.SUSPEND, CertificateAudit.WITHDRAW)
					.contains(decision);
		if (needsReasons && (reasons == null || reasons.isBlank())) {
			throw new InvalidInputException(CertificateAudit.DECISION_REASONS.getName(),
					"reasons are needed for " + decision + ((decision.equals(advised.decision())) ? ""
							: " (the rules recommended " + advised.decision() + ")"));
		}
		String by = this.currentUser.id(task);
		CertificateAudit.DECIDED_STARS.on(task).set(decidedStars);
		CertificateAudit.RECOMMENDATION_RULES.on(task).set(String.join("\n", advised.rules()));
		CertificateAudit.DECISION_REASONS.on(task)
			.set((reasons != null && !reasons.isBlank()) ? reasons.trim()
					: decision + ": " + String.join("; ", advised.rules()));
		long applicationId = known.certificate().applicationId();
		boolean positive = List.of(CertificateAudit.KEEP, CertificateAudit.DOWNGRADE, CertificateAudit.APPROVE)
			.contains(decision);
		this.decisions.record(applicationId, known.audit().id(), positive,
				(decidedStars != null) ? decidedStars : ((stars != null) ? stars : 0),
				kind + " " + decision + ((reasons != null) ? ": " + reasons : ""), String.join(",", facts), by);
		Long surveillanceId = this.records.surveillanceOf(known.audit(), known.certificate().number())
			.map(SurveillanceRepository.Surveillance::id)
			.orElse(null);
		if (surveillanceId != null) {
			this.surveillances.decided(surveillanceId, decision, by);
			this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(surveillanceId), "PLANNED", "DECIDED",
					by, decision + ": " + String.join("; ", advised.rules()), StatusHistory.Process.of(task));
		}
	}

}
