package cn.certflow.portal;

import cn.certflow.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The client's inbox (issue 18 point 6): every notice the certification body sent it,
 * newest first, and one notice in full.
 */
@Controller
class PortalNoticePages extends PortalPage {

	private final ClientRecords records;

	PortalNoticePages(ClientRecords records) {
		this.records = records;
	}

	@GetMapping("/portal/notices")
	String notices(HttpServletRequest request, Model model) {
		model.addAttribute("notices", this.records.notices(account(request)));
		model.addAttribute("words", Words.INSTANCE);
		return "portal/notices";
	}

	@GetMapping("/portal/notices/{id}")
	String notice(@PathVariable long id, HttpServletRequest request, Model model) {
		model.addAttribute("notice", this.records.notice(account(request), id));
		model.addAttribute("words", Words.INSTANCE);
		return "portal/notice";
	}

}
