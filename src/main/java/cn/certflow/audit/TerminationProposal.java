package cn.certflow.audit;

import static cn.certflow.audit.OnsiteAudit.OBSERVATIONS;
import static cn.certflow.audit.OnsiteAudit.PROPOSE_TERMINATION;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_CLAUSE;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_PROPOSED;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_REASON;
import static cn.certflow.audit.OnsiteAudit.TERMINATION_RULES;

import java.util.ArrayList;
import java.util.List;

import cn.certflow.rules.AuditObservation;
import cn.certflow.rules.ObservationKind;
import cn.certflow.rules.RulesService;
import cn.certflow.rules.TerminationClause;
import cn.certflow.rules.TerminationGround;
import cn.certflow.rules.TerminationRecommendation;
import cn.certflow.system.FormInput;
import cn.certflow.system.FormLists;
import cn.certflow.system.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * R-AUD-1, R-AUD-2 (PCEC 8.2.5): the findings of an evaluation are recorded; a
 * termination is proposed either by the termination rules (Drools,
 * rules/audit-termination.drl) from the observations ticked on the form, or by the
 * auditor by hand with a clause of PCEC 8.2.5 and a reason; either way it then needs the
 * CB's approval.
 */
@Service
class TerminationProposal {

	private final AuditService audits;

	private final RulesService rules;

	TerminationProposal(AuditService audits, RulesService rules) {
		this.audits = audits;
		this.rules = rules;
	}

	/**
	 * Records the findings of the evaluation task and any termination proposal; the
	 * task's own fields are local (the two evaluations run in parallel), a proposal goes
	 * to the audit process.
	 */
	void findings(DelegateTask task, String findings, String by) {
		long auditId = this.audits.currentAudit(task.getExecution()).id();
		this.audits.recordEvent(auditId, task.getTaskDefinitionKey(), findings, by);
		DelegateExecution audit = task.getExecution().getProcessInstance();
		TerminationRecommendation recommendation = this.rules.recommendTermination(observations(task, findings));
		if (recommendation.terminate()) {
			List<String> fired = recommendation.grounds().stream().map(TerminationGround::rule).toList();
			this.audits.recordEvent(auditId, "TERMINATION_RECOMMENDED",
					"PCEC 8.2.5 " + recommendation.clauses() + " by rules " + fired, by);
			propose(audit, String.join(", ", recommendation.clauses()), findings);
			TERMINATION_RULES.on(audit).set(String.join("; ", fired));
		}
		if (Boolean.TRUE.equals(PROPOSE_TERMINATION.from(task).getOrNull())) {
			String clause = namedClause(task);
			String reason = FormInput.requiredText(TERMINATION_REASON, task, "a termination proposal needs a reason");
			this.audits.recordEvent(auditId, "TERMINATION_PROPOSED", "PCEC 8.2.5 " + clause + ": " + reason, by);
			propose(audit, clause, reason);
		}
	}

	/**
	 * R-AUD-2, PCEC 8.2.5: a hand-made proposal names one of the eight grounds, checked
	 * here whatever the form sent.
	 */
	private static String namedClause(DelegateTask task) {
		String named = TERMINATION_CLAUSE.from(task).getOrNull();
		return TerminationClause.of(named)
			.map(clause -> "8.2.5" + clause.code())
			.orElseThrow(() -> new InvalidInputException(TERMINATION_CLAUSE.getName(),
					"终止审查须指明 PCEC 8.2.5 第 (1)–(8) 项之一，收到的是：" + (named == null ? "（空）" : named)));
	}

	private static void propose(DelegateExecution audit, String clause, String reason) {
		TERMINATION_PROPOSED.on(audit).set(true);
		TERMINATION_CLAUSE.on(audit).set(clause);
		TERMINATION_REASON.on(audit).set(reason);
	}

	private static List<AuditObservation> observations(DelegateTask task, String evidence) {
		List<AuditObservation> observations = new ArrayList<>();
		for (String kind : FormLists.strings(OBSERVATIONS.from(task).getOrNull())) {
			try {
				observations.add(new AuditObservation(ObservationKind.valueOf(kind), evidence));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException(OBSERVATIONS.getName(), "unknown observation '" + kind + "'");
			}
		}
		return observations;
	}

}
