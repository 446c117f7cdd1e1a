package cn.certflow.certificate;

import cn.certflow.security.ApiAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The certificate document for staff to print or send (R-CERT-1). */
@RestController
@RequestMapping("/api/certificates")
class CertificateDocumentController {

	private final CertificateService certificates;

	private final CertificateDocument document;

	private final ApiAccess access;

	CertificateDocumentController(CertificateService certificates, CertificateDocument document, ApiAccess access) {
		this.certificates = certificates;
		this.document = document;
		this.access = access;
	}

	@GetMapping("/{number}/document.pdf")
	ResponseEntity<byte[]> document(@PathVariable String number) {
		this.access.requireCertificate(number);
		Certificate certificate = this.certificates.get(number);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(certificate.number() + "-v" + certificate.revision() + ".pdf")
						.build()
						.toString())
			.body(this.document.render(certificate));
	}

}
