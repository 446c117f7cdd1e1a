package cn.certflow.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The client portal's home page (issue 18): who is signed in, for which client. */
@Controller
class PortalHome {

	@GetMapping({ "/portal", "/portal/" })
	String home(HttpServletRequest request, Model model) {
		model.addAttribute("account", PortalAccess.account(request));
		return "portal/home";
	}

}
