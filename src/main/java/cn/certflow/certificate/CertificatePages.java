package cn.certflow.certificate;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.certflow.application.ApplicationService;
import cn.certflow.security.ApiAccess;
import cn.certflow.web.StaffPage;
import cn.certflow.system.ConflictException;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import cn.certflow.system.StatusHistory;
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
import org.springframework.web.util.UriUtils;

/**
 * The certificate's staff page (issue 19.1): its face, every revision, its requests and
 * status changes, and its PDF for download in the browser (the API's PDF needs HTTP
 * Basic), for anyone who may see the certificate ({@link ApiAccess#requireCertificate}:
 * else 404). With the certification body's request forms (issue 19: staff never need
 * curl) — suspension, withdrawal, cancellation, a reported surveillance event, a change
 * on the client's behalf — each shown to and taken from only the groups the API allows
 * ({@link StaffRequestForms}: else 403), sent through {@link CertificateRequests} as the
 * API does; bad input answers 400 and a state that does not allow it 409, with the page
 * again, the message in Chinese, nothing changed.
 */
@Controller
class CertificatePages extends StaffPage {

	private final CertificateService certificates;

	private final CertificateDocument document;

	private final CertificateRequestRepository requests;

	private final StatusHistory history;

	private final ApiAccess access;

	private final ApplicationService applications;

	private final CertificateRequests requestService;

	CertificatePages(CertificateService certificates, CertificateDocument document,
			CertificateRequestRepository requests, StatusHistory history, ApiAccess access,
			ApplicationService applications, CertificateRequests requestService) {
		this.requestService = requestService;
		this.applications = applications;
		this.certificates = certificates;
		this.document = document;
		this.requests = requests;
		this.history = history;
		this.access = access;
	}

	@GetMapping("/staff/certificates/{number}")
	String certificate(@PathVariable String number, @RequestParam(name = "done", required = false) String done,
			HttpServletRequest request, Model model) {
		this.access.requireCertificate(number);
		StaffRequestForms.Form sent = StaffRequestForms.Form.of(done);
		return show(number, request, model, null, Map.of(), Map.of(),
				(sent != null) ? sent.title() + "：已提交，见下方“请求”和“状态变化”。" : null);
	}

	@PostMapping("/staff/certificates/{number}/suspension")
	String suspend(@PathVariable String number, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return send(StaffRequestForms.Form.SUSPENSION, number, form, request, response, model, by -> this.requestService
			.suspend(number, new CertificateRequests.ReasonBody(form.get("reason"), form.get("requestedBy")), by));
	}

	@PostMapping("/staff/certificates/{number}/withdrawal")
	String withdraw(@PathVariable String number, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return send(StaffRequestForms.Form.WITHDRAWAL, number, form, request, response, model, by -> this.requestService
			.withdraw(number, new CertificateRequests.ReasonBody(form.get("reason"), null), by));
	}

	@PostMapping("/staff/certificates/{number}/cancellation")
	String cancel(@PathVariable String number, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return send(StaffRequestForms.Form.CANCELLATION, number, form, request, response, model,
				by -> this.requestService.cancel(number, new CertificateRequests.ReasonBody(form.get("reason"), null),
						by));
	}

	@PostMapping("/staff/certificates/{number}/events")
	String event(@PathVariable String number, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return send(StaffRequestForms.Form.EVENT, number, form, request, response, model, by -> this.requestService
			.reportEvent(number,
					new CertificateRequests.EventBody(form.get("kind"), form.get("occurredOn"), form.get("evidence")),
					by));
	}

	@PostMapping("/staff/certificates/{number}/changes")
	String change(@PathVariable String number, @RequestParam Map<String, String> form, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		return send(StaffRequestForms.Form.CHANGE, number, form, request, response, model,
				by -> this.requestService.change(number,
						new CertificateRequests.ChangeBody(form.get("kind"), blankToNull(form.get("description")),
								blankToNull(form.get("newHolderName")), blankToNull(form.get("newHolderAddress")),
								blankToNull(form.get("addedScope")), stars(form.get("requestedStars")),
								blankToNull(form.get("newRuleDocument"))),
						by));
	}

	/**
	 * Sends one form: 403 outside its groups, 404 for a certificate the person may not
	 * see, then the service; the page again on bad input (400) or a refused state (409).
	 */
	private String send(StaffRequestForms.Form form, String number, Map<String, String> fields,
			HttpServletRequest request, HttpServletResponse response, Model model,
			java.util.function.ToLongFunction<String> work) {
		requireAnyGroup(request, form.title(), form.groups());
		String by = this.access.requireCertificate(number);
		try {
			work.applyAsLong(by);
			return "redirect:/staff/certificates/" + UriUtils.encodePathSegment(number, "UTF-8") + "?done="
					+ form.name();
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return show(number, request, model, form, fields, StaffRequestForms.errors(ex), null);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return show(number, request, model, form, fields, Map.of("", ex.getMessage()), null);
		}
	}

	private String show(String number, HttpServletRequest request, Model model, StaffRequestForms.Form failed,
			Map<String, String> fields, Map<String, String> errors, String done) {
		Certificate certificate = this.certificates.get(number);
		model.addAttribute("title", "证书 " + number);
		model.addAttribute("certificate", certificate);
		model.addAttribute("statusToday", certificate.statusOn(EngineTime.today()));
		model.addAttribute("applicationNumber", this.applications.byId(certificate.applicationId()).number());
		model.addAttribute("revisions", this.certificates.revisions(number));
		model.addAttribute("requests", this.requests.of(number));
		model.addAttribute("changes", this.history.of(StatusHistory.Entity.CERTIFICATE, number));
		model.addAttribute("auditEscalations", this.history.of(StatusHistory.Entity.CERTIFICATE_AUDIT, number));
		model.addAttribute("forms", StaffRequestForms.formsFor(user(request)).stream().map(Enum::name).toList());
		model.addAttribute("failed", (failed != null) ? failed.name() : null);
		Map<String, String> values = new LinkedHashMap<>(fields);
		values.remove("_csrf");
		model.addAttribute("form", values);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", StaffRequestForms.LABELS);
		model.addAttribute("eventKinds", StaffRequestForms.EVENT_KINDS);
		model.addAttribute("changeKinds", StaffRequestForms.CHANGE_KINDS);
		model.addAttribute("today", EngineTime.today());
		model.addAttribute("done", done);
		return "staff/certificate";
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static Integer stars(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("requestedStars", "请填写整数（星级）");
		}
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
