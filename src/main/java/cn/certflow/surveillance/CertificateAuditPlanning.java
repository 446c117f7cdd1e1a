package cn.certflow.surveillance;

import java.time.LocalDate;
import java.util.List;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.application.ApplicationService;
import cn.certflow.audit.AuditPlanning;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateSites;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import cn.certflow.system.FormLists;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * The plan of an audit after certification, or the postponement of an annual surveillance
 * ({@link PostponementLimit}, R-SUR-1), with the scope a plan must cover
 * ({@link SurveillanceScope}, PCEC 10.1, 10.3: a site of the certificate as it is now,
 * {@link CertificateSites}). The certificate, application and surveillance come from our
 * records, never from process variables (issue 15).
 */
@Service
class CertificateAuditPlanning {

	private final AuditPlanning planning;

	private final CertificateAuditRecords records;

	private final ApplicationService applications;

	private final SurveillanceService surveillances;

	private final CurrentUser currentUser;

	private final CertificateSites sites;

	CertificateAuditPlanning(AuditPlanning planning, CertificateAuditRecords records, ApplicationService applications,
			SurveillanceService surveillances, CurrentUser currentUser, CertificateSites sites) {
		this.planning = planning;
		this.records = records;
		this.applications = applications;
		this.surveillances = surveillances;
		this.currentUser = currentUser;
		this.sites = sites;
	}

	/** Plans the audit from the plan form's fields, or postpones the surveillance. */
	void decide(DelegateTask task, CertificateAudit.Kind kind, boolean postpone) {
		Certificate certificate = this.records.certificate(task.getExecution());
		Surveillance surveillance = this.records.surveillanceToPlan(certificate.number(), kind).orElse(null);
		if (postpone) {
			postpone(task, kind, surveillance);
			return;
		}
		ApplicationRecord application = this.applications.byId(certificate.applicationId());
		String sampled = CertificateAudit.SAMPLED_SITE.from(task).getOrNull();
		SurveillanceScope.sampledSite(kind, this.sites.of(certificate.number()),
				(surveillance != null) ? this.surveillances.sampledInCycle(surveillance) : List.of(), sampled);
		List<String> content = FormLists.strings(CertificateAudit.AUDIT_CONTENT.from(task).getOrNull());
		SurveillanceScope.content(kind, content);
		long auditId = this.planning.plan(task, kind.name(), application);
		if (surveillance != null) {
			this.surveillances.planned(surveillance.id(), auditId, (sampled != null) ? sampled.trim() : null, content,
					this.currentUser.id(task), StatusHistory.Process.of(task));
		}
	}

	private void postpone(DelegateTask task, CertificateAudit.Kind kind, Surveillance surveillance) {
		PostponementLimit.postponable(kind, surveillance);
		String reason = FormInput.requiredText(CertificateAudit.POSTPONE_REASON, task,
				"a postponement needs its reason recorded");
		LocalDate to = FormInput.requiredDate(CertificateAudit.POSTPONED_TO, task);
		PostponementLimit.withinLimit(to, EngineTime.today(), surveillance);
		this.surveillances.postpone(surveillance.id(), to, reason, this.currentUser.id(task),
				StatusHistory.Process.of(task));
		CertificateAudit.AUDIT_DUE_DATE.on(task).set(EngineTime.toDate(to));
	}

}
