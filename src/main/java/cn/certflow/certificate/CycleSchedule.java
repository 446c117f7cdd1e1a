package cn.certflow.certificate;

import java.time.LocalDate;
import java.util.List;

import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import cn.certflow.rules.RulesService;
import cn.certflow.rules.SurveillanceTriggers;
import org.springframework.stereotype.Service;

/**
 * A three-year cycle from its decision date: surveillance in years 1 and 2 (R-SUR-1) —
 * only year 1 when the rules allow fewer audits for a recertified client without
 * complaints (R-SUR-2) — the recertification reminder before the application deadline
 * (R-REC-1, PCEC 11) and the moment of expiry (R-CERT-1).
 */
@Service
class CycleSchedule {

	/** The dates and surveillance years of a cycle, with the rules that set them. */
	record Cycle(LocalDate start, LocalDate expiry, List<Integer> surveillanceYears, String frequencyRules,
			LocalDate reminderOn) {
	}

	private final CertificateService certificates;

	private final CertificateRequestRepository requests;

	private final RulesService rules;

	private final RegulatoryClock clock;

	CycleSchedule(CertificateService certificates, CertificateRequestRepository requests, RulesService rules,
			RegulatoryClock clock) {
		this.certificates = certificates;
		this.requests = requests;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * The cycle of the certificate as it is now.
	 * @param renewed whether the cycle starts with a recertification
	 */
	Cycle of(Certificate certificate, boolean renewed) {
		String number = certificate.number();
		LocalDate cycleStart = this.certificates.cycleStart(number);
		boolean recertified = certificate.revision() > 1 && renewed;
		boolean complaints = this.requests.of(number)
			.stream()
			.anyMatch(r -> r.eventKind() != null && r.eventKind().contains("COMPLAINT"));
		SurveillanceTriggers frequency = this.rules.surveillanceTriggers(List.of(), recertified && !complaints);
		LocalDate expiry = certificate.expiresOn().plusDays(1);
		return new Cycle(cycleStart, expiry, frequency.reducedFrequencyAllowed() ? List.of(1) : List.of(1, 2),
				frequency.reducedFrequency().isEmpty() ? "annual (PCEC 10.2)"
						: String.join("; ", frequency.reducedFrequency().stream().map(r -> r.rule()).toList()),
				this.clock.before(this.clock.before(expiry, RegulatoryPeriod.RECERTIFICATION_APPLICATION_DEADLINE),
						RegulatoryPeriod.RECERTIFICATION_REMINDER_LEAD));
	}

}
