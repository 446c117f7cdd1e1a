package cn.certflow.certificate;

import java.time.LocalDate;
import java.util.List;

import cn.certflow.rules.RulesService;
import cn.certflow.rules.SurveillanceTriggers;
import cn.certflow.system.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets out a three-year cycle from its decision date: surveillance in years 1 and 2
 * (R-SUR-1) — only year 1 when the rules allow fewer audits for a recertified client
 * without complaints (R-SUR-2) — the recertification reminder at expiry − 3 months
 * (R-REC-1) and the moment of expiry (R-CERT-1).
 */
@Component
class ScheduleCycleDelegate implements JavaDelegate {

	private final CertificateService certificates;

	private final CertificateRequestRepository requests;

	private final RulesService rules;

	private final LifecycleSettings settings;

	ScheduleCycleDelegate(CertificateService certificates, CertificateRequestRepository requests, RulesService rules,
			LifecycleSettings settings) {
		this.certificates = certificates;
		this.requests = requests;
		this.rules = rules;
		this.settings = settings;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Certificate certificate = this.certificates.forProcess(execution);
		String number = certificate.number();
		LocalDate cycleStart = this.certificates.cycleStart(number);
		boolean recertified = certificate.revision() > 1
				&& Boolean.TRUE.equals(CertificateLifecycle.RENEWED.from(execution).getOrNull());
		boolean complaints = this.requests.of(number)
			.stream()
			.anyMatch(r -> r.eventKind() != null && r.eventKind().contains("COMPLAINT"));
		SurveillanceTriggers frequency = this.rules.surveillanceTriggers(List.of(), recertified && !complaints);
		LocalDate expiry = certificate.expiresOn().plusDays(1);
		CertificateLifecycle.CYCLE_START.on(execution).set(EngineTime.toDate(cycleStart));
		CertificateLifecycle.EXPIRY_DATE.on(execution).set(EngineTime.toDate(expiry));
		CertificateLifecycle.SURVEILLANCE_YEARS.on(execution)
			.set(frequency.reducedFrequencyAllowed() ? List.of(1) : List.of(1, 2));
		CertificateLifecycle.SURVEILLANCE_FREQUENCY_RULES.on(execution)
			.set(frequency.reducedFrequency().isEmpty() ? "annual (PCEC 10.2)"
					: String.join("; ", frequency.reducedFrequency().stream().map(r -> r.rule()).toList()));
		CertificateLifecycle.RECERTIFICATION_REMINDER_DATE.on(execution)
			.set(EngineTime.toDate(expiry.minusMonths(this.settings.recertificationReminderMonths())));
		CertificateLifecycle.CERTIFIED_STARS.on(execution).set(certificate.stars());
		CertificateLifecycle.CERTIFIED_GRADE.on(execution).set(certificate.grade());
		CertificateLifecycle.RENEWED.on(execution).set(false);
	}

}
