package cn.certflow.surveillance;

import java.time.LocalDate;

import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateService;
import cn.certflow.certificate.LifecycleSettings;
import cn.certflow.system.CurrentUser;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens year N's surveillance of the cycle (R-SUR-1): due N years after the decision
 * date, planned some weeks before, postponable to 3 months after its due date at the
 * latest.
 */
@Component
class OpenSurveillanceDelegate implements JavaDelegate {

	private final SurveillanceRepository surveillances;

	private final CertificateService certificates;

	private final LifecycleSettings settings;

	private final StatusHistory history;

	OpenSurveillanceDelegate(SurveillanceRepository surveillances, CertificateService certificates,
			LifecycleSettings settings, StatusHistory history) {
		this.surveillances = surveillances;
		this.certificates = certificates;
		this.settings = settings;
		this.history = history;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the certificate and its cycle from our records (issue 15); the year is this
		// loop's own element
		String number = this.certificates.forProcess(execution).number();
		int year = CertificateLifecycle.SURVEILLANCE_YEAR.from(execution).get();
		LocalDate cycleStart = this.certificates.cycleStart(number);
		LocalDate due = SurveillanceSchedule.dueOn(cycleStart, year);
		LocalDate latest = due.plusMonths(this.settings.postponementMonths());
		long id = this.surveillances.open(number, cycleStart, year, due, latest);
		CertificateLifecycle.SURVEILLANCE_ID.on(execution).set(id);
		CertificateLifecycle.SURVEILLANCE_DUE_DATE.on(execution).set(EngineTime.toDate(due));
		CertificateLifecycle.SURVEILLANCE_LATEST_DATE.on(execution).set(EngineTime.toDate(latest));
		CertificateLifecycle.SURVEILLANCE_PLANNING_DATE.on(execution)
			.set(EngineTime.toDate(due.minusDays(this.settings.surveillancePlanningDays())));
		this.history.record(StatusHistory.Entity.SURVEILLANCE, String.valueOf(id), null, "OPEN", CurrentUser.SYSTEM,
				"surveillance year " + year + " of " + number + " due " + due + ", latest " + latest,
				StatusHistory.Process.of(execution));
	}

}
