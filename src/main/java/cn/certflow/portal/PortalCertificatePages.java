package cn.certflow.portal;

import java.util.List;

import cn.certflow.certificate.Certificate;
import cn.certflow.certificate.CertificatePdf;
import cn.certflow.certificate.CertificateRevision;
import cn.certflow.certificate.CertificateSites;
import cn.certflow.document.DocumentOwner;
import cn.certflow.system.EngineTime;
import cn.certflow.system.NotFoundException;
import cn.certflow.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The client's certificates (issue 18 point 5): the list, and one certificate with its
 * status, grade, validity, scope and sites, every revision with its PDF (served only
 * after the certificate is found to be the client's), the public verification link
 * (R-CERT-2), the timeline, the requests, and its documents with the upload form.
 */
@Controller
class PortalCertificatePages extends PortalPage {

	private final ClientRecords records;

	private final PortalDocuments documents;

	private final CertificatePdf pdf;

	private final CertificateSites sites;

	PortalCertificatePages(ClientRecords records, PortalDocuments documents, CertificatePdf pdf,
			CertificateSites sites) {
		this.records = records;
		this.documents = documents;
		this.pdf = pdf;
		this.sites = sites;
	}

	@GetMapping("/portal/certificates")
	String certificates(HttpServletRequest request, Model model) {
		model.addAttribute("certificates", this.records.certificates(account(request)));
		model.addAttribute("today", EngineTime.today());
		model.addAttribute("words", Words.INSTANCE);
		return "portal/certificates";
	}

	@GetMapping("/portal/certificates/{number}")
	String certificate(@PathVariable String number, HttpServletRequest request, Model model) {
		return page(account(request), number, model);
	}

	@GetMapping("/portal/certificates/{number}/revisions/{revision}/certificate.pdf")
	ResponseEntity<byte[]> revisionPdf(@PathVariable String number, @PathVariable int revision,
			HttpServletRequest request) {
		Certificate certificate = this.records.certificate(account(request), number);
		if (this.records.revisions(account(request), number).stream().noneMatch(r -> r.revision() == revision)) {
			throw new NotFoundException("revision", "没有这一版证书");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(CertificatePdf.fileName(certificate.number(), revision))
						.build()
						.toString())
			.body(this.pdf.render(certificate.number(), revision));
	}

	@PostMapping("/portal/certificates/{number}/documents")
	String upload(@PathVariable String number, @RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ClientAccount account = account(request);
		this.records.certificate(account, number);
		return this.documents.uploadThenShow(account, DocumentOwner.certificate(number), type, file,
				"/portal/certificates/" + UriUtils.encodePathSegment(number, "UTF-8"), response, model, redirect,
				() -> page(account, number, model));
	}

	private String page(ClientAccount account, String number, Model model) {
		Certificate certificate = this.records.certificate(account, number);
		List<CertificateRevision> revisions = this.records.revisions(account, number);
		model.addAttribute("certificate", certificate);
		model.addAttribute("statusToday", certificate.statusOn(EngineTime.today()));
		model.addAttribute("sites", this.sites.of(certificate.number()));
		model.addAttribute("revisions", revisions);
		model.addAttribute("verificationUrl", this.pdf.verificationUrl(certificate.number()));
		model.addAttribute("timeline", this.records.certificateTimeline(account, number));
		model.addAttribute("requests", this.records.requests(account, number));
		model.addAttribute("cases", this.records.cases(account, number));
		this.documents.show(account, DocumentOwner.certificate(number),
				"/portal/certificates/" + UriUtils.encodePathSegment(number, "UTF-8") + "/documents", model);
		model.addAttribute("words", Words.INSTANCE);
		return "portal/certificate";
	}

}
