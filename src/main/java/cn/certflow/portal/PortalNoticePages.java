package cn.certflow.portal;

import cn.certflow.web.Words;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The client's inbox (issue 18 point 6): every notice the certification body sent it,
 * newest first, the ones this account has not opened marked 未读, and one notice in full
 * (opening it marks it read).
 */
@Controller
class PortalNoticePages extends PortalPage {

	private final NoticeInbox inbox;

	PortalNoticePages(NoticeInbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/portal/notices")
	String notices(HttpServletRequest request, Model model) {
		model.addAttribute("entries", this.inbox.entries(account(request)));
		model.addAttribute("words", Words.INSTANCE);
		return "portal/notices";
	}

	@GetMapping("/portal/notices/{id}")
	String notice(@PathVariable long id, HttpServletRequest request, Model model) {
		model.addAttribute("notice", this.inbox.open(account(request), id));
		model.addAttribute("words", Words.INSTANCE);
		return "portal/notice";
	}

}
