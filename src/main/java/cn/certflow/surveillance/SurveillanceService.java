package cn.certflow.surveillance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.certflow.certificate.CertificateService;
import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
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

	private final RegulatoryClock clock;

	private final StatusHistory history;

	SurveillanceService(SurveillanceRepository surveillances, CertificateService certificates, RegulatoryClock clock,
			StatusHistory history) {
		this.surveillances = surveillances;
		this.certificates = certificates;
		this.clock = clock;
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
	 * Opens year N's surveillance of the cycle (R-SUR-1): due N years after the decision
	 * date, planned some weeks before, postponable to some months after its due date at
	 * the latest.
	 */
	Schedule open(String certificateNumber, int year, StatusHistory.Process process) {
		LocalDate cycleStart = this.certificates.cycleStart(certificateNumber);
		LocalDate due = SurveillanceSchedule.dueOn(cycleStart, year);
		LocalDate latest = this.clock.after(due, RegulatoryPeriod.SURVEILLANCE_POSTPONEMENT);
		long id = this.surveillances.open(certificateNumber, cycleStart, year, due, latest);
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(id), null, "OPEN", CurrentUser.SYSTEM,
				"surveillance year " + year + " of " + certificateNumber + " due " + due + ", latest " + latest,
				process);
		return new Schedule(id, due, latest, this.clock.before(due, RegulatoryPeriod.SURVEILLANCE_PLANNING_LEAD));
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
