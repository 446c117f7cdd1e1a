package cn.certflow.surveillance;

import java.time.LocalDate;
import java.util.List;

import cn.certflow.appeal.AppealCaseService;
import cn.certflow.appeal.AppealComplaint;
import cn.certflow.appeal.CaseRecord;
import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificateService;
import cn.certflow.system.EngineTime;
import cn.certflow.system.FormInput;
import cn.certflow.system.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * Fewer surveillances are a decision, not automatic (issue 21 point 2). PCEC 10.2:
 * "获证单位为再认证且获证期间未被投诉时，可减少监督频次" — a decision maker may reduce the surveillances of the
 * cycle a recertification starts, with a written reason, only when the certificate is
 * being recertified (an approved recertification decision) and no complaint about it was
 * upheld during the cycle that ends (a complaint found groundless does not count against
 * the client). Never for ZHHT: ZHHT 3.2 fixes a surveillance in years 1 and 2. Every
 * other recertification decision records the full frequency.
 */
@Service
class SurveillanceReduction {

	/** The scheme whose rules fix the surveillance years (ZHHT 3.2). */
	static final String FIXED_FREQUENCY_SCHEME = "ZHHT";

	private final CertificateService certificates;

	private final AppealCaseService cases;

	SurveillanceReduction(CertificateService certificates, AppealCaseService cases) {
		this.certificates = certificates;
		this.cases = cases;
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
	 * The numbers of the complaints about the certificate upheld in its current cycle.
	 */
	private List<String> upheldComplaints(Certificate certificate) {
		LocalDate cycleStart = this.certificates.cycleStart(certificate.number());
		return this.cases.ofCertificate(certificate.number())
			.stream()
			.filter((c) -> AppealComplaint.Kind.COMPLAINT.name().equals(c.kind()))
			.filter((c) -> AppealComplaint.UPHELD.equals(c.outcome()))
			.filter((c) -> !c.receivedAt().atZoneSameInstant(EngineTime.ZONE).toLocalDate().isBefore(cycleStart))
			.map(CaseRecord::number)
			.toList();
	}

}
