package cn.certflow.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import cn.certflow.certificate.Certificate;
import cn.certflow.system.ConflictException;
import cn.certflow.system.EngineTime;
import cn.certflow.system.InvalidInputException;
import cn.certflow.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * Requests about the client's certificate in the portal (issue 18 point 4): the kinds to
 * choose from, the form of one kind (description or reason, what the kind asks for, an
 * optional supporting document), and sending it ({@link ClientCertificateRequests}).
 * Success: back to the certificate page, where the request is listed with its status. Bad
 * input: the form again, 400, each message naming its field in Chinese; a request the
 * certificate's state does not allow: the form again, 409, with the reason; another
 * client's certificate: the portal's 404 page. Nothing changed in either case.
 */
@Controller
class PortalRequestPages extends PortalPage {

	/** The form's fields and their Chinese names. */
	static final Map<String, String> LABELS = Map.of("kind", "申请事项", "description", "说明", "reason", "原因",
			"newHolderName", "新名称", "newHolderAddress", "新经营场所地址", "addedScope", "扩大的认证范围", "newRuleDocument", "新版认证规则",
			"subject", "主题", "complainant", "申诉/投诉人", "complainantEmail", "联系邮箱");

	private final ClientRecords records;

	private final ClientCertificateRequests requests;

	PortalRequestPages(ClientRecords records, ClientCertificateRequests requests) {
		this.records = records;
		this.requests = requests;
	}

	@GetMapping("/portal/certificates/{number}/requests/new")
	String form(@PathVariable String number, @RequestParam(name = "kind", required = false) String kind,
			HttpServletRequest request, Model model) {
		ClientRequestKind chosen = ClientRequestKind.of(kind).orElse(null);
		return page(account(request), number, chosen, emptyForm(chosen), List.of(), model);
	}

	@PostMapping("/portal/certificates/{number}/requests")
	String submit(@PathVariable String number, @RequestParam Map<String, String> fields,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ClientAccount account = account(request);
		this.records.certificate(account, number);
		ClientCertificateRequests.Form form = new ClientCertificateRequests.Form(fields.get("kind"),
				fields.get("description"), fields.get("reason"), fields.get("newHolderName"),
				fields.get("newHolderAddress"), fields.get("addedScope"), fields.get("requestedStars"),
				fields.get("newRuleDocument"), fields.get("subject"));
		ClientRequestKind kind = ClientRequestKind.of(form.kind()).orElse(null);
		try {
			String done = this.requests.submit(account, number, form, attachment(file));
			redirect.addFlashAttribute("requestInfo", done);
			return "redirect:/portal/certificates/" + UriUtils.encodePathSegment(number, "UTF-8") + "#requests";
		}
		catch (InvalidInputException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(account, number, kind, form,
					ex.problems().stream().map(p -> label(p.field()) + "：" + p.message()).toList(), model);
		}
		catch (ConflictException ex) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return page(account, number, kind, form, List.of("证书当前的状态不允许这项申请，未提交：" + ex.getMessage()), model);
		}
	}

	private String page(ClientAccount account, String number, ClientRequestKind kind,
			ClientCertificateRequests.Form form, List<String> errors, Model model) {
		Certificate certificate = this.records.certificate(account, number);
		model.addAttribute("certificate", certificate);
		model.addAttribute("statusToday", certificate.statusOn(EngineTime.today()));
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", ClientRequestKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("words", Words.INSTANCE);
		return "portal/request";
	}

	private static ClientCertificateRequests.Form emptyForm(ClientRequestKind kind) {
		return new ClientCertificateRequests.Form((kind != null) ? kind.name() : "", "", "", "", "", "", "", "", "");
	}

	/** A chosen file, or none (an empty file input). */
	private static ClientCertificateRequests.Attachment attachment(MultipartFile file) {
		if (file == null || (file.getSize() == 0
				&& (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty()))) {
			return null;
		}
		try {
			return new ClientCertificateRequests.Attachment(file.getOriginalFilename(), file.getContentType(),
					file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The Chinese name of a field with the field itself. */
	static String label(String field) {
		String label = LABELS.get(field);
		return (label != null) ? label + "（" + field + "）" : PortalForms.label(field);
	}

}
