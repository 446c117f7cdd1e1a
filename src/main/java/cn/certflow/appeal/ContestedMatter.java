package cn.certflow.appeal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.audit.AuditService;
import cn.certflow.decision.CertificationDecisions;
import cn.certflow.security.Participation;
import cn.certflow.security.Participation.Kind;
import cn.certflow.system.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Everyone involved in the matter an appeal or complaint contests (R-APL-1, PCEC 14), who
 * may therefore not decide it: the decider and audit team of every decision on the
 * application, everyone on any of its audit teams, everyone who handled a task of the
 * application's and its certificates' processes (reviewers, the quality manager who
 * approved a termination, the deciders of surveillance, suspension and changes), and
 * whoever decided an earlier case on the same application.
 */
@Component
class ContestedMatter {

	private final CertificationDecisions decisions;

	private final AuditService audits;

	private final List<Participation> owners;

	private final TaskHandlers handlers;

	private final CaseRepository cases;

	ContestedMatter(CertificationDecisions decisions, AuditService audits, List<Participation> owners,
			TaskHandlers handlers, CaseRepository cases) {
		this.decisions = decisions;
		this.audits = audits;
		this.owners = owners;
		this.handlers = handlers;
		this.cases = cases;
	}

	/** The user ids of everyone involved in the application and its certificates. */
	Set<String> involvedIn(ApplicationRecord application) {
		Set<String> involved = new LinkedHashSet<>();
		this.decisions.all(application.id()).forEach(d -> {
			involved.add(d.decidedBy());
			involved.addAll(this.audits.team(d.auditId()));
		});
		for (Participation owner : this.owners) {
			owner.of(Kind.APPLICATION, application.number()).ifPresent(p -> {
				involved.addAll(p.auditTeam());
				involved.addAll(this.handlers.of(p.processBusinessKeys()));
			});
		}
		involved.addAll(this.cases.decidersOf(application.number()));
		involved.remove(null);
		involved.remove(CurrentUser.SYSTEM);
		return involved;
	}

}
