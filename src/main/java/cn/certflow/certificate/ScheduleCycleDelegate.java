package cn.certflow.certificate;

import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets out a three-year cycle from its decision date ({@link CycleSchedule}: R-SUR-1,
 * R-SUR-2, R-REC-1, R-CERT-1) for the lifecycle's timers.
 */
@Component
class ScheduleCycleDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final CycleSchedule schedule;

	ScheduleCycleDelegate(CertificateService certificates, CycleSchedule schedule) {
		this.certificates = certificates;
		this.schedule = schedule;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Certificate certificate = this.certificates.forProcess(execution);
		CycleSchedule.Cycle cycle = this.schedule.of(certificate,
				Boolean.TRUE.equals(CertificateLifecycle.RENEWED.from(execution).getOrNull()));
		CertificateLifecycle.CYCLE_START.on(execution).set(EngineTime.toDate(cycle.start()));
		CertificateLifecycle.EXPIRY_DATE.on(execution).set(EngineTime.toDate(cycle.expiry()));
		CertificateLifecycle.SURVEILLANCE_YEARS.on(execution).set(cycle.surveillanceYears());
		CertificateLifecycle.SURVEILLANCE_FREQUENCY_RULES.on(execution).set(cycle.frequencyRules());
		CertificateLifecycle.RECERTIFICATION_REMINDER_DATE.on(execution).set(EngineTime.toDate(cycle.reminderOn()));
		CertificateLifecycle.RECERTIFICATION_WINDOW_DATE.on(execution).set(EngineTime.toDate(cycle.windowOpensOn()));
		CertificateLifecycle.RECERTIFICATION_DEADLINE.on(execution).set(EngineTime.toDate(cycle.applicationDeadline()));
		CertificateLifecycle.CERTIFIED_STARS.on(execution).set(certificate.stars());
		CertificateLifecycle.CERTIFIED_GRADE.on(execution).set(certificate.grade());
		CertificateLifecycle.RENEWED.on(execution).set(false);
	}

}
