package cn.certflow.surveillance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditPlanning;
import cn.certflow.certificate.Certificate;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import cn.certflow.system.FormLists;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The plan of an audit after certification, or the postponement of an annual surveillance
 * (R-SUR-1): at most to the latest date (due + 3 months), with a recorded reason. A
 * surveillance covers the follow-up of earlier nonconformities and the use of certificate
 * and mark (PCEC 10.1); a multi-site client has one representative site sampled (PCEC
 * 10.3).
 */
@Component
class CertificateAuditPlanListener implements TaskListener {

	static final String PLAN = "PLAN";

	static final String POSTPONE = "POSTPONE";

	static final Set<String> SURVEILLANCE_CONTENT = Set.of("NC_FOLLOW_UP", "CERTIFICATE_AND_MARK_USE");

	private final AuditPlanning planning;

	private final SurveillanceRepository surveillances;

	private final CertificateAuditRecords records;

	private final ApplicationService applications;

	private final StatusHistory history;

	private final CurrentUser currentUser;

	CertificateAuditPlanListener(AuditPlanning planning, SurveillanceRepository surveillances,
			CertificateAuditRecords records, ApplicationService applications, StatusHistory history,
			CurrentUser currentUser) {
		this.planning = planning;
		this.surveillances = surveillances;
		this.records = records;
		this.applications = applications;
		this.history = history;
		this.currentUser = currentUser;
	}

	@Override
	public void notify(DelegateTask task) {
		CertificateAudit.Kind kind = CertificateAudit.Kind.valueOf(CertificateAudit.AUDIT_KIND.from(task).get());
		String decision = FormInput.requiredChoice(CertificateAudit.PLAN_DECISION, task, Set.of(PLAN, POSTPONE));
		// certificate, application and surveillance from our records, never from process
		// variables (issue 15)
		Certificate certificate = this.records.certificate(task.getExecution());
		SurveillanceRepository.Surveillance surveillance = this.records.surveillanceToPlan(certificate.number(), kind)
			.orElse(null);
		Long surveillanceId = (surveillance != null) ? surveillance.id() : null;
		if (POSTPONE.equals(decision)) {
			postpone(task, kind, surveillance);
			return;
		}
		ApplicationRecord application = this.applications.byId(certificate.applicationId());
		List<String> sites = Arrays.stream(application.sites().split("\\R"))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.toList();
		String sampled = CertificateAudit.SAMPLED_SITE.from(task).getOrNull();
		if (sites.size() > 1 && (sampled == null || sites.stream().noneMatch(s -> s.equals(sampled.trim())))) {
			throw new InvalidInputException(CertificateAudit.SAMPLED_SITE.getName(),
					"a multi-site client needs one representative site sampled, one of " + sites + " (PCEC 10.3)");
		}
		List<String> content = FormLists.strings(CertificateAudit.AUDIT_CONTENT.from(task).getOrNull());
		if (kind.surveillance() && !content.containsAll(SURVEILLANCE_CONTENT)) {
			throw new InvalidInputException(CertificateAudit.AUDIT_CONTENT.getName(),
					"a surveillance covers the follow-up of earlier nonconformities and the use of certificate and mark (PCEC 10.1)");
		}
		long auditId = this.planning.plan(task, kind.name(), application);
		if (surveillanceId != null) {
			this.surveillances.planned(surveillanceId, auditId, (sampled != null) ? sampled.trim() : null,
					String.join(",", content));
			this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(surveillanceId), null, "PLANNED",
					this.currentUser.id(task),
					"audit " + auditId + ((sampled != null) ? ", sampled site " + sampled : ""),
					StatusHistory.Process.of(task));
		}
	}

	private void postpone(DelegateTask task, CertificateAudit.Kind kind,
			SurveillanceRepository.Surveillance surveillance) {
		if (kind != CertificateAudit.Kind.SURVEILLANCE || surveillance == null) {
			throw new InvalidInputException(CertificateAudit.PLAN_DECISION.getName(),
					"only an annual surveillance may be postponed (R-SUR-1)");
		}
		long surveillanceId = surveillance.id();
		String reason = FormInput.requiredText(CertificateAudit.POSTPONE_REASON, task,
				"a postponement needs its reason recorded");
		LocalDate to = FormInput.requiredDate(CertificateAudit.POSTPONED_TO, task);
		LocalDate latest = surveillance.latestOn();
		if (!to.isAfter(EngineTime.today()) || to.isAfter(latest)) {
			throw new InvalidInputException(CertificateAudit.POSTPONED_TO.getName(),
					"must be after today and at most " + latest + " (3 months after the due date)");
		}
		String by = this.currentUser.id(task);
		this.surveillances.postpone(surveillanceId, to, reason, by);
		CertificateAudit.AUDIT_DUE_DATE.on(task).set(EngineTime.toDate(to));
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(surveillanceId), null, "POSTPONED", by,
				"postponed to " + to + ": " + reason, StatusHistory.Process.of(task));
	}

}
