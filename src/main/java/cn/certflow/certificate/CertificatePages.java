package cn.certflow.certificate;

import cn.certflow.application.ApplicationService;
import cn.certflow.security.ApiAccess;
import cn.certflow.web.StaffPage;
import cn.certflow.system.EngineTime;
import cn.certflow.system.StatusHistory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The certificate's staff page (issue 19.1): its face, every revision, its requests and
 * status changes, and its PDF for download in the browser (the API's PDF needs HTTP
 * Basic), for anyone who may see the certificate ({@link ApiAccess#requireCertificate}:
 * else 404). Read only.
 */
@Controller
class CertificatePages extends StaffPage {

	private final CertificateService certificates;

	private final CertificateDocument document;

	private final CertificateRequestRepository requests;

	private final StatusHistory history;

	private final ApiAccess access;

	private final ApplicationService applications;

	CertificatePages(CertificateService certificates, CertificateDocument document,
			CertificateRequestRepository requests, StatusHistory history, ApiAccess access,
			ApplicationService applications) {
		this.applications = applications;
		this.certificates = certificates;
		this.document = document;
		this.requests = requests;
		this.history = history;
		this.access = access;
	}

	@GetMapping("/staff/certificates/{number}")
	String certificate(@PathVariable String number, HttpServletRequest request, Model model) {
		this.access.requireCertificate(number);
		Certificate certificate = this.certificates.get(number);
		model.addAttribute("title", "证书 " + number);
		model.addAttribute("certificate", certificate);
		model.addAttribute("statusToday", certificate.statusOn(EngineTime.today()));
		model.addAttribute("applicationNumber", this.applications.byId(certificate.applicationId()).number());
		model.addAttribute("revisions", this.certificates.revisions(number));
		model.addAttribute("requests", this.requests.of(number));
		model.addAttribute("changes", this.history.of(StatusHistory.Entity.CERTIFICATE, number));
		return "staff/certificate";
	}

	@GetMapping("/staff/certificates/{number}/document.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String number) {
		this.access.requireCertificate(number);
		Certificate certificate = this.certificates.get(number);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(certificate.number() + "-v" + certificate.revision() + ".pdf")
						.build()
						.toString())
			.body(this.document.render(certificate));
	}

}
