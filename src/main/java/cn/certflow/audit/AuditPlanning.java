package cn.certflow.audit;

import java.time.LocalDate;
import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;

import java.util.Arrays;
import java.util.List;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.FormInput;
import cn.certflow.system.FormLists;
import io.holunda.camunda.bpm.data.CamundaBpmData;
import io.holunda.camunda.bpm.data.factory.VariableFactory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A plan form's lead auditor, team and date turned into a planned audit of a given type
 * (R-PLAN-2), for the initial certification and every later audit; the team is recorded
 * so that R-DEC-1 can be enforced.
 */
@Component
public class AuditPlanning {

	/**
	 * Other team members besides the lead auditor: the plan form's checklist of qualified
	 * auditors (a list), or user ids comma separated.
	 */
	static final VariableFactory<Object> AUDIT_TEAM = CamundaBpmData.customVariable("auditTeam", Object.class);

	private final AuditService audits;

	private final CurrentUser currentUser;

	private final Notices notices;

	AuditPlanning(AuditService audits, CurrentUser currentUser, Notices notices) {
		this.audits = audits;
		this.currentUser = currentUser;
		this.notices = notices;
	}

	/**
	 * Plans the audit of this application from the task's form fields and returns its id;
	 * the audit is kept with the task's process, where the later steps find it
	 * ({@link AuditService#currentAudit}).
	 */
	/**
	 * PCEC 8.1 (issue 20.3): the audit team of an initial certification, appointed from
	 * the task's form fields before the document review; the team's members become the
	 * document review's candidates ({@link AuditVariables#AUDIT_TEAM_MEMBERS}). The
	 * on-site audit itself is planned after the review passes (R-DOC-1, {@link #plan}).
	 */
	public void appointTeam(DelegateTask task, ApplicationRecord application) {
		String appointer = this.currentUser.id(task);
		String lead = AuditVariables.LEAD_AUDITOR.from(task).getOrDefault(appointer).trim();
		List<String> members = members(task, lead);
		this.audits.appointTeam(application.number(), lead, members, appointer);
		List<String> team = new java.util.ArrayList<>(List.of(lead));
		team.addAll(members);
		AuditVariables.LEAD_AUDITOR.on(task).set(lead);
		AuditVariables.AUDIT_TEAM_MEMBERS.on(task).set(String.join(",", team));
	}

	public long plan(DelegateTask task, String auditType, ApplicationRecord application) {
		String planner = this.currentUser.id(task);
		String lead = AuditVariables.LEAD_AUDITOR.from(task).getOrDefault(planner).trim();
		List<String> members = members(task, lead);
		LocalDate plannedOn = FormInput.requiredDate(AuditVariables.PLANNED_DATE, task);
		AuditService.Plan plan = this.audits.plan(application.number(), auditType,
				AuditVariables.PERSON_DAYS.from(task).get().intValue(), lead, members, plannedOn, planner,
				task.getProcessInstanceId());
		// issue 18 point 6: the client is told the date and the team (it may object to a
		// member, PCEC 8.2.1)
		this.notices.send(NoticeKind.AUDIT_PLAN, NoticeTo.application(application.number()),
				Map.of("date", plannedOn, "team", String.join("、", plan.team())), planner);
		AuditVariables.LEAD_AUDITOR.on(task).set(lead);
		AuditVariables.AUDIT_ID.on(task).set(plan.auditId());
		AuditVariables.AUDIT_TEAM_MEMBERS.on(task).set(String.join(",", plan.team()));
		return plan.auditId();
	}

	/** The team's other members, from the form's checklist or comma-separated ids. */
	private static List<String> members(DelegateTask task, String lead) {
		return FormLists.strings(AUDIT_TEAM.from(task).getOrNull())
			.stream()
			.flatMap((m) -> Arrays.stream(m.split("[,，\\s]+")))
			.map(String::trim)
			.filter(s -> !s.isEmpty() && !s.equals(lead))
			.distinct()
			.toList();
	}

}
