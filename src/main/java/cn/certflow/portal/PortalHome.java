package cn.certflow.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.certflow.application.ApplicationRecord;
import cn.certflow.document.DocumentOwner;
import cn.certflow.document.DocumentType;
import cn.certflow.document.Documents;
import cn.certflow.system.EngineTime;
import cn.certflow.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The client portal's home page (issue 18 points 2, 5, 6): the client's applications and
 * certificates, the five newest notices, and what the certification body waits for from
 * the client (the mandatory documents still missing from an application that takes
 * documents).
 */
@Controller
class PortalHome extends PortalPage {

	static final int NEWEST_NOTICES = 5;

	private final ClientRecords records;

	private final Documents documents;

	private final NoticeInbox inbox;

	PortalHome(ClientRecords records, Documents documents, NoticeInbox inbox) {
		this.records = records;
		this.documents = documents;
		this.inbox = inbox;
	}

	@GetMapping({ "/portal", "/portal/" })
	String home(HttpServletRequest request, Model model) {
		ClientAccount account = account(request);
		List<ApplicationRecord> applications = this.records.applications(account);
		Map<String, List<DocumentType>> waiting = new LinkedHashMap<>();
		for (ApplicationRecord application : applications) {
			DocumentOwner owner = DocumentOwner.application(application.number());
			if (this.documents.closedForUploads(owner).isEmpty()) {
				List<DocumentType> missing = this.records.missingDocuments(account, owner);
				if (!missing.isEmpty()) {
					waiting.put(application.number(), missing);
				}
			}
		}
		model.addAttribute("account", account);
		model.addAttribute("applications", applications);
		model.addAttribute("certificates", this.records.certificates(account));
		model.addAttribute("today", EngineTime.today());
		List<NoticeInbox.Entry> inbox = this.inbox.entries(account);
		model.addAttribute("notices", inbox.stream().limit(NEWEST_NOTICES).toList());
		model.addAttribute("unread", inbox.stream().filter(NoticeInbox.Entry::unread).count());
		model.addAttribute("waiting", waiting);
		model.addAttribute("words", Words.INSTANCE);
		return "portal/home";
	}

}
