package cn.certflow.surveillance;

import cn.certflow.certificate.CertificateLifecycle;
import cn.certflow.certificate.CertificateService;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens year N's surveillance of the cycle (R-SUR-1, {@link SurveillanceService#open})
 * and hands its dates to the lifecycle's timers.
 */
@Component
class OpenSurveillanceDelegate implements JavaDelegate {

	private final SurveillanceService surveillances;

	private final CertificateService certificates;

	OpenSurveillanceDelegate(SurveillanceService surveillances, CertificateService certificates) {
		this.surveillances = surveillances;
		this.certificates = certificates;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// the certificate and its cycle from our records (issue 15); the year is this
		// loop's own element
		String number = this.certificates.forProcess(execution).number();
		int year = CertificateLifecycle.SURVEILLANCE_YEAR.from(execution).get();
		SurveillanceService.Schedule opened = this.surveillances.open(number, year,
				StatusHistory.Process.of(execution));
		CertificateLifecycle.SURVEILLANCE_ID.on(execution).set(opened.id());
		CertificateLifecycle.SURVEILLANCE_DUE_DATE.on(execution).set(EngineTime.toDate(opened.dueOn()));
		CertificateLifecycle.SURVEILLANCE_LATEST_DATE.on(execution).set(EngineTime.toDate(opened.latestOn()));
		CertificateLifecycle.SURVEILLANCE_PLANNING_DATE.on(execution).set(EngineTime.toDate(opened.planningOn()));
	}

}
