package cn.certflow.certificate;

import java.time.LocalDate;
import java.util.List;

import cn.certflow.security.ApiAccess;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public certificate verification (R-CERT-2), no login; the status history for staff. */
@RestController
@RequestMapping("/api/certificates")
class CertificateController {

	private final CertificateService certificates;

	private final StatusHistory history;

	private final ApiAccess access;

	CertificateController(CertificateService certificates, StatusHistory history, ApiAccess access) {
		this.certificates = certificates;
		this.history = history;
		this.access = access;
	}

	/**
	 * What anyone may see: the certificate's face and its current status, nothing else.
	 */
	record PublicCertificate(String number, String holder, String scope, String scheme, String standard, int stars,
			String grade, LocalDate issuedOn, LocalDate expiresOn, CertificateStatus status, String certificationBody) {
	}

	@GetMapping("/{number}")
	PublicCertificate lookup(@PathVariable String number) {
		Certificate c = this.certificates.get(number);
		return new PublicCertificate(c.number(), c.holderName(), c.scope(), c.scheme(), c.standard(), c.stars(),
				c.grade(), c.issuedOn(), c.expiresOn(), c.statusOn(EngineTime.today()), c.certificationBody());
	}

	@GetMapping("/{number}/history")
	List<StatusHistory.Change> history(@PathVariable String number) {
		this.access.requireCertificate(number);
		return this.history.of(StatusHistory.Entity.CERTIFICATE, number);
	}

}
