package cn.certflow.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.certflow.clock.RegulatoryClock;
import cn.certflow.clock.RegulatoryPeriod;
import org.springframework.stereotype.Service;

/**
 * A three-year cycle from its decision date: a surveillance in years 1 and 2 (R-SUR-1,
 * PCEC 10.2, ZHHT 3.2) — fewer audits are never automatic (PCEC 10.2 "可减少" is a decision
 * with a reason, issue 21 point 2), the recertification window of the last year, the
 * application deadline (PCEC 11), the reminder before it (R-REC-1) and the moment of
 * expiry (R-CERT-1), each period from the {@link RegulatoryClock}.
 */
@Service
class CycleSchedule {

	/**
	 * The surveillances of every cycle (PCEC 10.2 once a year; ZHHT 3.2 years 1 and 2).
	 */
	static final List<Integer> SURVEILLANCE_YEARS = List.of(1, 2);

	/**
	 * A cycle whose surveillances a decision maker reduced at recertification (PCEC 10.2
	 * "可减少", never ZHHT: surveillance.SurveillanceReduction): one surveillance, in year
	 * 1.
	 */
	static final List<Integer> REDUCED_SURVEILLANCE_YEARS = List.of(1);

	/** The dates and surveillance years of a cycle, with the rules that set them. */
	record Cycle(LocalDate start, LocalDate expiry, List<Integer> surveillanceYears, String frequencyRules,
			LocalDate windowOpensOn, LocalDate applicationDeadline, LocalDate reminderOn) {
	}

	private final CertificateService certificates;

	private final RegulatoryClock clock;

	CycleSchedule(CertificateService certificates, RegulatoryClock clock) {
		this.certificates = certificates;
		this.clock = clock;
	}

	/**
	 * The cycle of the certificate as it is now.
	 * @param renewed whether the cycle starts with a recertification
	 */
	Cycle of(Certificate certificate, boolean renewed) {
		LocalDate cycleStart = this.certificates.cycleStart(certificate.number());
		LocalDate expiry = certificate.expiresOn().plusDays(1);
		LocalDate deadline = this.clock.before(expiry, RegulatoryPeriod.RECERTIFICATION_APPLICATION_DEADLINE);
		Optional<String> reduced = renewed ? this.certificates.surveillanceReduction(certificate.number())
				: Optional.empty();
		return new Cycle(cycleStart, expiry, reduced.isPresent() ? REDUCED_SURVEILLANCE_YEARS : SURVEILLANCE_YEARS,
				reduced.map((reason) -> "reduced at recertification to year 1 (PCEC 10.2 可减少): " + reason)
					.orElse("annual (PCEC 10.2; ZHHT 3.2 years 1 and 2)" + (renewed ? ", recertified" : "")),
				this.clock.before(expiry, RegulatoryPeriod.RECERTIFICATION_WINDOW), deadline,
				this.clock.before(deadline, RegulatoryPeriod.RECERTIFICATION_REMINDER_LEAD));
	}

}
