package cn.certflow.surveillance;

import java.util.Map;

import cn.certflow.notification.NoticeKind;
import cn.certflow.notification.NoticeTo;
import cn.certflow.notification.Notices;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.certflow.certificate.CertificateService;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.StatusHistory;
import org.springframework.stereotype.Service;

/**
 * The annual surveillances of a certificate (R-SUR-1): opened each year of the cycle,
 * postponed, planned, escalated and decided, each change in the status history. Other
 * packages read them here.
 */
@Service
public class SurveillanceService {

	/** A surveillance opened: its id and dates (R-SUR-1). */
	record Schedule(long id, LocalDate dueOn, LocalDate latestOn, LocalDate planningOn) {
	}

	private final SurveillanceRepository surveillances;

	private final CertificateService certificates;

	private final SurveillanceSchedule schedule;

	private final StatusHistory history;

	private final Notices notices;

	/** What a surveillance decision means for the client, in its words. */
	private static final Map<String, String> RESULTS = Map.of(CertificateAudit.KEEP, "保持认证证书",
			CertificateAudit.DOWNGRADE, "降低星级并换发证书", CertificateAudit.SUSPEND, "暂停认证证书", CertificateAudit.WITHDRAW,
			"撤销认证证书");

	SurveillanceService(SurveillanceRepository surveillances, CertificateService certificates,
			SurveillanceSchedule schedule, StatusHistory history, Notices notices) {
		this.notices = notices;
		this.surveillances = surveillances;
		this.certificates = certificates;
		this.schedule = schedule;
		this.history = history;
	}

	/** The certificate's surveillances, oldest first. */
	public List<Surveillance> of(String certificateNumber) {
		return this.surveillances.of(certificateNumber);
	}

	/**
	 * The sites sampled by the other surveillances of the same cycle (PCEC 10.3: each
	 * site visited at least once per cycle).
	 */
	List<String> sampledInCycle(Surveillance surveillance) {
		return this.surveillances.of(surveillance.certificateNumber())
			.stream()
			.filter(s -> s.id() != surveillance.id() && s.cycleStart().equals(surveillance.cycleStart())
					&& s.sampledSite() != null)
			.map(Surveillance::sampledSite)
			.toList();
	}

	/**
	 * Opens year N's surveillance of the cycle (R-SUR-1, PCEC 10.2): due within the
	 * interval of the cycle's previous surveillance (of the decision for the first),
	 * planned some weeks before, postponable to its latest date
	 * ({@link SurveillanceSchedule}).
	 */
	Schedule open(String certificateNumber, int year, StatusHistory.Process process) {
		LocalDate cycleStart = this.certificates.cycleStart(certificateNumber);
		Optional<Surveillance> previous = of(certificateNumber).stream()
			.filter((s) -> s.cycleStart().equals(cycleStart) && s.year() < year)
			.reduce((first, later) -> later);
		SurveillanceSchedule.Dates dates = this.schedule.next(cycleStart, previous);
		long id = this.surveillances.open(certificateNumber, cycleStart, year, dates.dueOn(), dates.latestOn());
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(id), null, "OPEN", CurrentUser.SYSTEM,
				"surveillance year " + year + " of " + certificateNumber + " counted from " + dates.countedFrom()
						+ ", due " + dates.dueOn() + ", latest " + dates.latestOn(),
				process);
		// issue 18 point 6: the holder learns by when the surveillance must be done
		this.notices.send(NoticeKind.SURVEILLANCE_PLAN, NoticeTo.certificate(certificateNumber),
				Map.of("due", dates.dueOn()), CurrentUser.SYSTEM);
		return new Schedule(id, dates.dueOn(), dates.latestOn(), dates.planningOn());
	}

	/**
	 * The latest surveillance of the certificate: the one the current iteration of the
	 * annual surveillance opened.
	 */
	Surveillance latest(String certificateNumber) {
		return of(certificateNumber).stream()
			.reduce((first, later) -> later)
			.orElseThrow(() -> new IllegalStateException("No surveillance of " + certificateNumber));
	}

	/**
	 * The annual surveillance of the certificate not yet planned (open or postponed).
	 */
	Optional<Surveillance> toPlan(String certificateNumber) {
		return of(certificateNumber).stream()
			.filter((s) -> "OPEN".equals(s.status()) || "POSTPONED".equals(s.status()))
			.reduce((first, later) -> later);
	}

	/** The annual surveillance an audit was planned for, if it was. */
	Optional<Surveillance> ofAudit(long auditId, String certificateNumber) {
		return of(certificateNumber).stream().filter((s) -> Long.valueOf(auditId).equals(s.auditId())).findFirst();
	}

	void postpone(long id, LocalDate to, String reason, String by, StatusHistory.Process process) {
		this.surveillances.postpone(id, to, reason, by);
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(id), null, "POSTPONED", by,
				"postponed to " + to + ": " + reason, process);
	}

	void planned(long id, long auditId, String sampledSite, List<String> content, String by,
			StatusHistory.Process process) {
		this.surveillances.planned(id, auditId, (sampledSite != null) ? sampledSite.trim() : null,
				String.join(",", content));
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(id), null, "PLANNED", by,
				"audit " + auditId + ((sampledSite != null) ? ", sampled site " + sampledSite : ""), process);
	}

	void decided(long id, String decision, List<String> rules, String by, StatusHistory.Process process) {
		this.surveillances.decided(id, decision, by);
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(id), "PLANNED", "DECIDED", by,
				decision + ": " + String.join("; ", rules), process);
		this.notices.send(NoticeKind.SURVEILLANCE_RESULT, NoticeTo.certificate(this.surveillances.certificateOf(id)),
				Map.of("result", RESULTS.getOrDefault(decision, decision)), by);
	}

	/** Not done by its due date: escalated to managers (R-SUR-1). */
	void escalate(long id, StatusHistory.Process process) {
		this.surveillances.escalate(id);
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(id), null, "ESCALATED",
				CurrentUser.SYSTEM, "not done by its due date: escalated to managers", process);
	}

	void escalationHandled(long id, String notes, String by, StatusHistory.Process process) {
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(id), "ESCALATED", "ESCALATION_HANDLED",
				by, notes, process);
	}

}
