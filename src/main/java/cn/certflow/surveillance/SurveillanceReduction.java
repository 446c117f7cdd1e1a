package cn.certflow.surveillance;

import java.time.LocalDate;
import java.util.List;

import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateRequest;
import cn.certflow.certificate.CertificateRequests;
import cn.certflow.certificate.CertificateService;
import cn.certflow.rules.SurveillanceEventKind;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Fewer surveillances are a decision, not automatic (issue 21 point 2). PCEC 10.2:
 * "获证单位为再认证且获证期间未被投诉时，可减少监督频次" — a decision maker may reduce the surveillances of the
 * cycle a recertification starts, with a written reason, only when the certificate is
 * being recertified (an approved recertification decision) and no complaint was proven
 * the client's fault during the cycle that ends — the event an upheld complaint reports
 * to the certificate's lifecycle
 * ({@link SurveillanceEventKind#SERIOUS_COMPLAINT_PROVEN}); a complaint found groundless
 * does not count against the client. Never for ZHHT: ZHHT 3.2 fixes a surveillance in
 * years 1 and 2. Every other recertification decision records the full frequency.
 */
@Service
class SurveillanceReduction {

	/** The scheme whose rules fix the surveillance years (ZHHT 3.2). */
	static final String FIXED_FREQUENCY_SCHEME = "ZHHT";

	private final CertificateService certificates;

	private final CertificateRequests requests;

	SurveillanceReduction(CertificateService certificates, CertificateRequests requests) {
		this.certificates = certificates;
		this.requests = requests;
	}

	/** What the decision form asks: reduce, and why. */
	record Request(boolean reduce, String reason) {
	}

	/**
	 * Records the frequency of the next cycle after a recertification decision, or
	 * refuses a reduction the rules do not allow (400 naming the form field, nothing
	 * recorded). A reduction asked on any other decision is refused too.
	 */
	void decide(Certificate certificate, CertificateAudit.Kind kind, String decision, Request request) {
		boolean recertified = kind == CertificateAudit.Kind.RECERTIFICATION
				&& CertificateAudit.APPROVE.equals(decision);
		if (!request.reduce()) {
			if (recertified) {
				this.certificates.recordSurveillanceReduction(certificate.number(), null);
			}
			return;
		}
		String field = CertificateAudit.REDUCE_SURVEILLANCE.getName();
		if (!recertified) {
			throw new InvalidInputException(field, "只有批准再认证时才能减少下一周期的监督审查次数（PCEC 10.2）");
		}
		if (FIXED_FREQUENCY_SCHEME.equals(certificate.scheme())) {
			throw new InvalidInputException(field, "ZHHT 方案的监督审查固定在第 1 年和第 2 年（ZHHT 3.2），不能减少");
		}
		List<String> upheld = upheldComplaints(certificate);
		if (!upheld.isEmpty()) {
			throw new InvalidInputException(field,
					"获证期间有经查实的投诉（" + String.join("、", upheld) + "），不能减少监督审查次数（PCEC 10.2）");
		}
		String reason = (request.reason() != null) ? request.reason().trim() : "";
		if (reason.isEmpty() || reason.length() > FormInput.MAX_TEXT) {
			throw new InvalidInputException(CertificateAudit.SURVEILLANCE_REDUCTION_REASON.getName(),
					"减少监督审查次数须写明理由（1–" + FormInput.MAX_TEXT + " 个字）");
		}
		this.certificates.recordSurveillanceReduction(certificate.number(), reason);
	}

	/**
	 * What the complaints proven the client's fault in the certificate's current cycle
	 * say (the evidence names the complaint's number).
	 */
	private List<String> upheldComplaints(Certificate certificate) {
		LocalDate cycleStart = this.certificates.cycleStart(certificate.number());
		return this.requests.of(certificate.number())
			.stream()
			.filter((r) -> SurveillanceEventKind.SERIOUS_COMPLAINT_PROVEN.name().equals(r.eventKind()))
			.filter((r) -> r.eventDate() != null && !r.eventDate().isBefore(cycleStart))
			.map(CertificateRequest::description)
			.toList();
	}

}
