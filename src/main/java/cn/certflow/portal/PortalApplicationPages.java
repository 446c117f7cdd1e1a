package cn.certflow.portal;

import cn.certflow.document.DocumentOwner;
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
 * One application of the client (issue 18 points 2 and 7): its data, its timeline, its
 * documents with the mandatory ones still missing, and the upload form.
 */
@Controller
class PortalApplicationPages extends PortalPage {

	private final ClientRecords records;

	private final PortalDocuments documents;

	PortalApplicationPages(ClientRecords records, PortalDocuments documents) {
		this.records = records;
		this.documents = documents;
	}

	@GetMapping("/portal/applications/{number}")
	String application(@PathVariable String number, HttpServletRequest request, Model model) {
		return page(account(request), number, model);
	}

	@PostMapping("/portal/applications/{number}/documents")
	String upload(@PathVariable String number, @RequestParam(name = "type", required = false) String type,
			@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ClientAccount account = account(request);
		this.records.application(account, number);
		return this.documents.uploadThenShow(account, DocumentOwner.application(number), type, file,
				"/portal/applications/" + UriUtils.encodePathSegment(number, "UTF-8"), response, model, redirect,
				() -> page(account, number, model));
	}

	private String page(ClientAccount account, String number, Model model) {
		model.addAttribute("app", this.records.application(account, number));
		model.addAttribute("timeline", this.records.applicationTimeline(account, number));
		this.documents.show(account, DocumentOwner.application(number),
				"/portal/applications/" + UriUtils.encodePathSegment(number, "UTF-8") + "/documents", model);
		model.addAttribute("words", Words.INSTANCE);
		return "portal/application";
	}

}
