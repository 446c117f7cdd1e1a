package cn.certflow.audit;

import java.util.Arrays;
import java.util.List;

import cn.certflow.application.InitialCertification;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The lead auditor's plan: team and date recorded, so that R-DEC-1 can be enforced later (R-PLAN-2). */
@Component
class AuditPlanListener implements TaskListener {

	/** Other team members besides the lead auditor, comma separated (audit-plan form). */
	static final VariableFactory<String> AUDIT_TEAM = CamundaBpmData.stringVariable("auditTeam");

	private final AuditService audits;

	private final CurrentUser currentUser;

	AuditPlanListener(AuditService audits, CurrentUser currentUser) {
		this.audits = audits;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		String planner = this.currentUser.id(task);
		String lead = InitialCertification.LEAD_AUDITOR.from(task).getOrDefault(planner).trim();
		List<String> members = Arrays.stream(AUDIT_TEAM.from(task).getOrDefault("").split("[,，\\s]+"))
			.map(String::trim)
			.filter(s -> !s.isEmpty() && !s.equals(lead))
			.distinct()
			.toList();
		AuditService.Plan plan = this.audits.plan(InitialCertification.APPLICATION_NUMBER.from(task).get(), "INITIAL",
				InitialCertification.PERSON_DAYS.from(task).get().intValue(), lead, members,
				FormInput.requiredDate(InitialCertification.PLANNED_DATE, task), planner);
		InitialCertification.LEAD_AUDITOR.on(task).set(lead);
		InitialCertification.AUDIT_ID.on(task).set(plan.auditId());
		InitialCertification.AUDIT_TEAM_MEMBERS.on(task).set(String.join(",", plan.team()));
	}

}
